package org.openkiosk.app.service.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A reply body read into memory only up to a cap: a declared {@code Content-Length} above it is refused before
 * reading, and a body that grows past it (chunked, no length) is cut off by cancelling the stream. Either way the
 * caller gets {@link TooLarge}, never the bytes.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The reply was larger than the cap. */
    static final class TooLarge extends IOException {
        TooLarge(long cap) {
            super("the reply is larger than " + cap + " bytes");
        }
    }

    private final long cap;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private BoundedBody(long cap) {
        this.cap = cap;
    }

    /** A handler whose bodies are capped at {@code cap} bytes. */
    static HttpResponse.BodyHandler<byte[]> handler(long cap) {
        return info -> {
            BoundedBody body = new BoundedBody(cap);
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > cap) {
                body.result.completeExceptionally(new TooLarge(cap));
            }
            return body;
        };
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel(); // refused by its Content-Length: do not read it
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (received.size() + (long) buffer.remaining() > cap) {
                subscription.cancel();
                received.reset();
                result.completeExceptionally(new TooLarge(cap));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            received.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(received.toByteArray());
    }
}
