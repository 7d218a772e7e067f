# An independent DKIM verifier for the tests: Debian's python3-dkim (dkimpy; Ed25519 through
# python3-nacl). Usage: dkim-verify.py <file with the selector's TXT record> <selector>._domainkey.<domain>.
# with the message on standard input; prints pass or fail and exits 0 or 1.
import dkim, sys
record = open(sys.argv[1], 'rb').read().strip()
name = sys.argv[2].encode()
def dns(qname, timeout=5):
    return record if qname == name else None
message = sys.stdin.buffer.read()
ok = dkim.verify(message, dnsfunc=dns)
print('pass' if ok else 'fail')
sys.exit(0 if ok else 1)
