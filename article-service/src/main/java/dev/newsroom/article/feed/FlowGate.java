package dev.newsroom.article.feed;

import io.grpc.stub.ServerCallStreamObserver;

/** Blocks a watcher's thread while its consumer is not ready for more (gRPC flow control). */
final class FlowGate {
    private final ServerCallStreamObserver<?> stream;
    private boolean cancelled;

    FlowGate(ServerCallStreamObserver<?> stream) {
        this.stream = stream;
        stream.setOnReadyHandler(this::wake);
        stream.setOnCancelHandler(
                () -> {
                    synchronized (this) {
                        cancelled = true;
                        notifyAll();
                    }
                });
    }

    synchronized boolean cancelled() {
        return cancelled;
    }

    /** Waits until the stream can take a message; false when the consumer went away. */
    synchronized boolean awaitReady() throws InterruptedException {
        while (!cancelled && !stream.isReady()) {
            wait(1_000);
        }
        return !cancelled;
    }

    private synchronized void wake() {
        notifyAll();
    }
}
