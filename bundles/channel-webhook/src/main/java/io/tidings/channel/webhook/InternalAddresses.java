package io.tidings.channel.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether an endpoint is inside the network Tidings runs in. The engine refuses the internal ranges
 * for the URLs templates make (attachments) unless an operator allows them; this channel, a separate
 * bundle on the api only, applies the same ranges to its configured URL: loopback, private, shared
 * (100.64/10), link-local (the cloud metadata address), unspecified, multicast and IPv6 unique-local.
 */
final class InternalAddresses {

    /** Looks a host up; the JDK's DNS in production. */
    @FunctionalInterface
    interface HostLookup {
        InetAddress[] lookup(String host) throws UnknownHostException;
    }

    static final HostLookup DNS = InetAddress::getAllByName;

    private InternalAddresses() {
    }

    /** The first internal address the host resolves to, null when every one is public. */
    static InetAddress firstInternal(String host, HostLookup lookup) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        for (InetAddress address : lookup.lookup(bare)) {
            if (internal(address)) {
                return address;
            }
        }
        return null;
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // 0/8, 100.64/10 (carrier-grade NAT), 240/4 (reserved)
            return first == 0 || first == 100 && (second & 0xc0) == 64 || first >= 240;
        }
        if (address instanceof Inet6Address) {
            // fc00::/7 unique-local; an IPv4 address mapped into IPv6 by its IPv4 ranges
            if ((b[0] & 0xfe) == 0xfc) {
                return true;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] == 0 && b[11] == 0 || b[10] == (byte) 0xff && b[11] == (byte) 0xff)) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
