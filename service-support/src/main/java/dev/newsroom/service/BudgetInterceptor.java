package dev.newsroom.service;

import com.google.protobuf.Message;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;

/**
 * Where every call enters a service: a request message over its {@link Budgets} is answered
 * INVALID_ARGUMENT (naming the field) and never reaches the service's code. Each service
 * registers one as a bean (service wiring).
 */
public class BudgetInterceptor implements ServerInterceptor {

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
            private boolean refused;

            @Override
            public void onMessage(Q message) {
                if (refused) {
                    return;
                }
                if (message instanceof Message request) {
                    try {
                        Budgets.check(request);
                    } catch (StatusRuntimeException e) {
                        refused = true;
                        call.close(
                                e.getStatus(),
                                e.getTrailers() == null ? new Metadata() : e.getTrailers());
                        return;
                    }
                }
                super.onMessage(message);
            }

            @Override
            public void onHalfClose() {
                if (!refused) {
                    super.onHalfClose();
                }
            }
        };
    }
}
