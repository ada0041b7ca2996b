package cx.wonderful.it.smoke;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP addresses a process listens on, read from Linux's {@code /proc} (what {@code ss -ltnp} shows): the
 * process's socket inodes from {@code /proc/<pid>/fd}, matched with the {@code LISTEN} rows of
 * {@code /proc/net/tcp} and {@code tcp6}. Empty where there is no {@code /proc/net/tcp}.
 */
final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    static Optional<List<InetSocketAddress>> of(long pid) throws IOException {
        Path tcp = Path.of("/proc/net/tcp");
        if (!Files.isReadable(tcp)) {
            return Optional.empty();
        }
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while listed
                }
            }
        }
        List<InetSocketAddress> listening = new ArrayList<>();
        for (Path table : List.of(tcp, Path.of("/proc/net/tcp6"))) {
            if (!Files.isReadable(table)) {
                continue;
            }
            List<String> rows = Files.readAllLines(table);
            for (String line : rows.subList(1, rows.size())) {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 9 && LISTEN.equals(fields[3]) && inodes.contains(fields[9])) {
                    listening.add(address(fields[1]));
                }
            }
        }
        return Optional.of(listening);
    }

    // "0100007F:1F90": the address as 32-bit words printed in the host's byte order, the port in hex.
    private static InetSocketAddress address(String field) throws IOException {
        String[] parts = field.split(":");
        byte[] address = HexFormat.of().parseHex(parts[0]);
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
            for (int word = 0; word < address.length; word += 4) {
                for (int i = 0; i < 2; i++) {
                    byte swapped = address[word + i];
                    address[word + i] = address[word + 3 - i];
                    address[word + 3 - i] = swapped;
                }
            }
        }
        return new InetSocketAddress(InetAddress.getByAddress(address), Integer.parseInt(parts[1], 16));
    }
}
