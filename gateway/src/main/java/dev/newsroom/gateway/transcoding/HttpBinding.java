package dev.newsroom.gateway.transcoding;

import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;
import java.util.List;

/**
 * One REST mapping of an RPC: an HTTP method and path template from a {@code google.api.http}
 * rule (or one of its additional bindings), where the body goes, the roles it needs and what
 * the contract declares about its answers ({@link RpcSemantics}).
 *
 * @param body "" (no body), "*" (the whole request message) or a top-level field name
 */
public record HttpBinding(
        String httpMethod,
        PathTemplate template,
        String body,
        Descriptors.MethodDescriptor rpc,
        List<String> requiredRoles,
        RpcSemantics semantics,
        MethodDescriptor<DynamicMessage, DynamicMessage> grpcMethod) {

    public HttpBinding {
        requiredRoles = List.copyOf(requiredRoles);
    }

    static HttpBinding of(
            String httpMethod,
            String template,
            String body,
            Descriptors.MethodDescriptor rpc,
            List<String> requiredRoles,
            RpcSemantics semantics) {
        var grpcMethod =
                MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
                        .setType(MethodDescriptor.MethodType.UNARY)
                        .setFullMethodName(
                                MethodDescriptor.generateFullMethodName(
                                        rpc.getService().getFullName(), rpc.getName()))
                        .setRequestMarshaller(
                                ProtoUtils.marshaller(
                                        DynamicMessage.getDefaultInstance(rpc.getInputType())))
                        .setResponseMarshaller(
                                ProtoUtils.marshaller(
                                        DynamicMessage.getDefaultInstance(rpc.getOutputType())))
                        .build();
        return new HttpBinding(
                httpMethod,
                PathTemplate.parse(template),
                body,
                rpc,
                requiredRoles,
                semantics,
                grpcMethod);
    }

    public boolean hasBody() {
        return !body.isEmpty();
    }

    public boolean wholeBody() {
        return body.equals("*");
    }

    public boolean isGet() {
        return httpMethod.equals("GET");
    }

    /** Google API style custom method ({@code :verb}); a POST without one is a create (201). */
    public boolean customMethod() {
        return template.verb() != null;
    }

    @Override
    public String toString() {
        return httpMethod + " " + template + " -> " + grpcMethod.getFullMethodName();
    }
}
