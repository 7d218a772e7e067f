package io.tidings.core.dispatch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.net.InetAddress;
import java.util.List;

import org.junit.Test;

/** Which addresses count as internal, for IP literals (no DNS involved). */
public class AddressPolicyTest {

    private final AddressPolicy none = new AddressPolicy(List.of(), AddressPolicy.DNS);

    @Test
    public void internalAddressesAreRefusedWithTheirRange() {
        String[][] cases = {
                {"127.0.0.1", "127.0.0.0/8"}, {"10.0.0.5", "10.0.0.0/8"}, {"172.31.255.1", "172.16.0.0/12"},
                {"192.168.1.1", "192.168.0.0/16"}, {"169.254.169.254", "169.254.0.0/16"}, {"0.0.0.0", "0.0.0.0/8"},
                {"224.0.0.1", "224.0.0.0/4"}, {"[::1]", "::1/128"}, {"::", "::/128"}, {"fd00::1", "fc00::/7"},
                {"fe80::1", "fe80::/10"}, {"ff02::1", "ff00::/8"}, {"[::ffff:169.254.169.254]", "169.254.0.0/16"},
                {"64:ff9b::a00:5", "10.0.0.0/8"}};
        for (String[] c : cases) {
            AddressPolicy.Refused refused = assertThrows(c[0], AddressPolicy.Refused.class, () -> none.check(c[0]));
            assertEquals(c[0], c[1], refused.range);
        }
    }

    @Test
    public void publicAddressesPass() throws Exception {
        for (String host : List.of("93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:2800:220:1:248:1893:25c8:1946")) {
            assertEquals(InetAddress.getByName(host), none.check(host));
        }
    }

    @Test
    public void anAllowedRangeOpensOnlyItself() throws Exception {
        AddressPolicy policy = new AddressPolicy(List.of(" 10.1.0.0/16 ", "fd00::/8", "not-a-range/99", "10.0.0.0/40"),
                AddressPolicy.DNS);
        assertEquals(InetAddress.getByName("10.1.2.3"), policy.check("10.1.2.3"));
        assertEquals(InetAddress.getByName("fd00::7"), policy.check("[fd00::7]"));
        assertThrows(AddressPolicy.Refused.class, () -> policy.check("10.2.0.1"));
        assertThrows(AddressPolicy.Refused.class, () -> policy.check("169.254.169.254"));
    }

    @Test
    public void aNameWithOneInternalAddressAmongPublicOnesIsRefused() {
        AddressPolicy policy = new AddressPolicy(List.of(), host -> new InetAddress[] {
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5")});
        AddressPolicy.Refused refused = assertThrows(AddressPolicy.Refused.class, () -> policy.check("cdn.example.com"));
        assertEquals("10.0.0.0/8", refused.range);
    }
}
