package dev.newsroom.gateway.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A client that declares a body and sends it one byte at a time, slowly (a "slow POST"): how
 * long the gateway keeps the connection and its request waiting for the rest. A gateway that
 * bounds it answers (408 in the error shape) or closes within {@link #LIMIT_MILLIS}, however
 * slowly the client sends.
 */
final class SlowBody {
    /** The longest a body may take to arrive before the gateway should give up on it. */
    static final long LIMIT_MILLIS = 15_000;

    private static final long BYTE_EVERY_MILLIS = 250;

    /** @param answer the status line and body the gateway sent ("" when it closed without one) */
    record Outcome(boolean bounded, long millis, String answer) {}

    private SlowBody() {}

    static Outcome post(int port, String path) throws IOException {
        byte[] body =
                "{\"authorName\":\"Slow\",\"body\":\"one byte at a time\"}"
                        .getBytes(StandardCharsets.UTF_8);
        int declared = body.length + 4000; // never all sent within the limit
        long start = System.currentTimeMillis();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(1);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(
                    ("POST "
                                    + path
                                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                    + "User-Agent: slow-body\r\nContent-Length: "
                                    + declared
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            int sent = 0;
            while (System.currentTimeMillis() - start < LIMIT_MILLIS) {
                try {
                    int n = in.read();
                    if (n < 0) {
                        return new Outcome(
                                true,
                                System.currentTimeMillis() - start,
                                answer.toString(StandardCharsets.UTF_8));
                    }
                    answer.write(n);
                    answer.write(in.readNBytes(Math.min(in.available(), 4096)));
                    continue;
                } catch (SocketTimeoutException nothingYet) {
                    if (answer.size() > 0) {
                        return new Outcome(
                                true,
                                System.currentTimeMillis() - start,
                                answer.toString(StandardCharsets.UTF_8));
                    }
                }
                try {
                    out.write(sent < body.length ? body[sent] : ' ');
                    out.flush();
                    sent++;
                } catch (IOException closed) {
                    return new Outcome(
                            true,
                            System.currentTimeMillis() - start,
                            answer.toString(StandardCharsets.UTF_8));
                }
                sleep(BYTE_EVERY_MILLIS);
            }
            return new Outcome(
                    false,
                    System.currentTimeMillis() - start,
                    answer.toString(StandardCharsets.UTF_8));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
