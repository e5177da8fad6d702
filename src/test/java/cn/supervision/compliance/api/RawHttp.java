package cn.supervision.compliance.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what ordinary clients will not send: a path exactly as written ({@code %2F},
 * {@code %00}, {@code ../}, {@code ;}) and a chunked body of any length that keeps coming while the server answers.
 */
final class RawHttp {

    /** A response: status, lower-case header names, the body (de-chunked) as text. */
    record Response(int status, Map<String, String> headers, String body) {
        String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private RawHttp() {
    }

    static String basic(String user, String password) {
        return "Authorization: Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A request without a body. */
    static Response get(int port, String path, String... headers) {
        return exchange(port, "GET " + path, headers, out -> { });
    }

    /** A request with a body of known length. */
    static Response post(int port, String path, byte[] body, String... headers) {
        String[] all = append(headers, "Content-Length: " + body.length);
        return exchange(port, "POST " + path, all, out -> out.write(body));
    }

    /**
     * A chunked body: {@code prefix}, {@code filler} bytes in 64 KB chunks up to about {@code total} bytes, then
     * {@code suffix}. Writing stops quietly when the server closes the connection.
     */
    static Response postChunked(int port, String path, byte[] prefix, long total, byte filler, byte[] suffix,
                                String... headers) {
        String[] all = append(headers, "Transfer-Encoding: chunked");
        return exchange(port, "POST " + path, all, out -> {
            chunk(out, prefix);
            byte[] block = new byte[64 * 1024];
            Arrays.fill(block, filler);
            for (long sent = prefix.length; sent < total; sent += block.length) {
                chunk(out, block);
            }
            if (suffix.length > 0) {
                chunk(out, suffix);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String[] append(String[] headers, String header) {
        String[] all = Arrays.copyOf(headers, headers.length + 1);
        all[headers.length] = header;
        return all;
    }

    private static Response exchange(int port, String requestLine, String[] headers, Body body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(120_000);
            StringBuilder head = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: localhost\r\n")
                    .append("Connection: close\r\n");
            for (String header : headers) {
                head.append(header).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            Thread writer = new Thread(() -> {
                try {
                    body.write(out);
                    out.flush();
                } catch (IOException e) {
                    // the server answered and closed the connection before the body ended
                }
            });
            writer.start();
            byte[] received = readAll(socket.getInputStream());
            socket.close();
            writer.join(60_000);
            return parse(received);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Everything the server sent until it closed (a reset after the response is the end too). */
    private static byte[] readAll(InputStream in) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (IOException e) {
            if (all.size() == 0) {
                throw new UncheckedIOException("no response", e);
            }
        }
        return all.toByteArray();
    }

    private static Response parse(byte[] received) {
        String text = new String(received, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("incomplete response: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] rest = Arrays.copyOfRange(received, end + 4, received.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            rest = dechunk(rest);
        }
        return new Response(status, headers, new String(rest, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0]
                    .trim(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, int from) {
        for (int i = from; i < data.length - 1; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("truncated chunk");
    }
}
