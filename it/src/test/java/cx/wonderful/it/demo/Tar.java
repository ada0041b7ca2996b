package cx.wonderful.it.demo;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the regular files of a tar stream (POSIX ustar, with the GNU long-name and pax {@code path} extensions):
 * just what unpacking the browser package needs, without a compression library whose transitive versions clash
 * with the test class path's.
 */
final class Tar {

    private static final int BLOCK = 512;

    /** One regular file: its name, permission bits, and its content (readable up to the entry's end only). */
    @FunctionalInterface
    interface FileVisitor {
        void visit(String name, int mode, InputStream content) throws IOException;
    }

    private final InputStream in;

    Tar(InputStream in) {
        this.in = in;
    }

    /** Calls {@code visitor} for every regular file, in archive order; directories and links are skipped. */
    void forEachFile(FileVisitor visitor) throws IOException {
        byte[] header = new byte[BLOCK];
        String longName = null;
        while (readBlock(header)) {
            if (header[0] == 0) {
                return; // the end-of-archive blocks
            }
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            String name = longName != null ? longName : name(header);
            longName = null;
            Entry content = new Entry(in, size);
            if (type == 'L') {
                longName = trimNul(new String(content.readAllBytes(), StandardCharsets.UTF_8));
            } else if (type == 'x') {
                longName = paxPath(new String(content.readAllBytes(), StandardCharsets.UTF_8));
            } else if (type == '0' || type == '\0' || type == '7') {
                visitor.visit(name, (int) octal(header, 100, 8), content);
            }
            content.skipRest();
            long padding = (BLOCK - size % BLOCK) % BLOCK;
            in.skipNBytes(padding);
        }
    }

    private boolean readBlock(byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, BLOCK);
        if (read == 0) {
            return false;
        }
        if (read < BLOCK) {
            throw new IOException("truncated tar header");
        }
        return true;
    }

    private static String name(byte[] header) {
        String name = field(header, 0, 100);
        boolean ustar = field(header, 257, 6).startsWith("ustar");
        String prefix = ustar ? field(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String paxPath(String records) {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static String field(byte[] header, int offset, int length) {
        return trimNul(new String(header, offset, length, StandardCharsets.UTF_8));
    }

    private static String trimNul(String text) {
        int nul = text.indexOf('\0');
        return nul < 0 ? text : text.substring(0, nul);
    }

    private static long octal(byte[] header, int offset, int length) throws IOException {
        String text = field(header, offset, length).trim();
        try {
            return text.isEmpty() ? 0 : Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new IOException("malformed tar header number: " + text, e);
        }
    }

    /** An entry's content: at most {@code size} bytes of the archive; closing it does not close the archive. */
    private static final class Entry extends FilterInputStream {

        private long remaining;

        Entry(InputStream in, long size) {
            super(in);
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }

        @Override
        public void close() {
            // the archive stays open for the next entry
        }

        void skipRest() throws IOException {
            in.skipNBytes(remaining);
            remaining = 0;
        }
    }
}
