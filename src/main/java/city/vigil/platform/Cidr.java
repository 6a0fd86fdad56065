package city.vigil.platform;

import io.netty.util.NetUtil;
import java.net.Inet6Address;
import java.net.InetAddress;

/** An address range such as {@code 10.0.0.0/8} or {@code fd00::/8}. */
public record Cidr(byte[] network, int bits) {
    public static Cidr parse(String text) {
        String[] parts = text.trim().split("/");
        // A literal address only: a name here would mean a DNS lookup at start-up, and a range that moves with DNS.
        byte[] address = NetUtil.createByteArrayFromIpAddressString(parts[0]);
        if (address == null || parts.length > 2) {
            throw new IllegalArgumentException("invalid CIDR '" + text + "'");
        }
        try {
            int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : address.length * 8;
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("invalid CIDR '" + text + "'");
            }
            return new Cidr(address, bits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid CIDR '" + text + "'", e);
        }
    }

    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (address instanceof Inet6Address != (network.length == 16) || a.length != network.length) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((a[i / 8] & mask) != (network[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
