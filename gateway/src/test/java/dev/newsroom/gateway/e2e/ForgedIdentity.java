package dev.newsroom.gateway.e2e;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import dev.newsroom.gateway.transcoding.BindingCatalog;
import dev.newsroom.gateway.transcoding.HttpBinding;
import dev.newsroom.proto.article.v1.ArticleProto;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A caller that goes around the gateway, straight to a service's gRPC port, and claims to be
 * an admin with the metadata the gateway forwards ({@code x-newsroom-roles: admin}). A service
 * that proves identity refuses it (UNAUTHENTICATED, or PERMISSION_DENIED as an anonymous
 * caller); one that believes the header answers.
 */
final class ForgedIdentity {
    /** The refusals that mean "not believed". */
    static final Set<Status.Code> REFUSED =
            Set.of(Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED);

    /** One forged call and what came back. */
    record Outcome(String call, Status.Code status) {
        boolean refused() {
            return REFUSED.contains(status);
        }
    }

    private ForgedIdentity() {}

    /**
     * Per service address, every RPC of the contract that needs a role and is served by that
     * address's service (by the service names its files declare), called with forged metadata.
     */
    static List<Outcome> callRoleRpcs(
            BindingCatalog catalog, String address, Set<String> services, String storyId) {
        List<Outcome> outcomes = new ArrayList<>();
        ManagedChannel channel = ManagedChannelBuilder.forTarget(address).usePlaintext().build();
        try {
            Channel forged =
                    ClientInterceptors.intercept(
                            channel, MetadataUtils.newAttachHeadersInterceptor(forgedAdmin()));
            Set<String> done = new HashSet<>();
            for (HttpBinding binding : catalog.bindings()) {
                if (binding.requiredRoles().isEmpty()
                        || !services.contains(binding.rpc().getService().getFullName())
                        || !done.add(binding.rpc().getFullName())
                        || !isSafeToForge(binding)) {
                    continue;
                }
                DynamicMessage request = withIds(binding.rpc().getInputType(), storyId);
                Status.Code code;
                try {
                    ClientCalls.blockingUnaryCall(
                            forged,
                            binding.grpcMethod(),
                            CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS),
                            request);
                    code = Status.Code.OK;
                } catch (StatusRuntimeException e) {
                    code = e.getStatus().getCode();
                }
                outcomes.add(new Outcome(binding.rpc().getFullName(), code));
            }
        } finally {
            channel.shutdownNow();
        }
        return outcomes;
    }

    /** ArticleFeed.Watch, which streams drafts too, with forged metadata. */
    static Outcome watchFeed(String articleAddress) {
        var rpc =
                ArticleProto.getDescriptor()
                        .findServiceByName("ArticleFeed")
                        .findMethodByName("Watch");
        MethodDescriptor<DynamicMessage, DynamicMessage> method =
                MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
                        .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
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
        ManagedChannel channel =
                ManagedChannelBuilder.forTarget(articleAddress).usePlaintext().build();
        try {
            Channel forged =
                    ClientInterceptors.intercept(
                            channel, MetadataUtils.newAttachHeadersInterceptor(forgedAdmin()));
            var events =
                    ClientCalls.blockingServerStreamingCall(
                            forged,
                            method,
                            CallOptions.DEFAULT.withDeadlineAfter(3, TimeUnit.SECONDS),
                            DynamicMessage.getDefaultInstance(rpc.getInputType()));
            // an event, an empty stream, or one kept open until the deadline: the feed was served
            events.hasNext();
            return new Outcome(rpc.getFullName(), Status.Code.OK);
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            return new Outcome(
                    rpc.getFullName(),
                    code == Status.Code.DEADLINE_EXCEEDED ? Status.Code.OK : code);
        } finally {
            channel.shutdownNow();
        }
    }

    /** Reads and settings are forged as they are; a forged withdrawal or moderation would be real (the read shows it). */
    private static boolean isSafeToForge(HttpBinding binding) {
        return binding.isGet() || binding.rpc().getName().startsWith("Reindex");
    }

    private static Metadata forgedAdmin() {
        Metadata headers = new Metadata();
        headers.put(
                Metadata.Key.of("x-newsroom-subject", Metadata.ASCII_STRING_MARSHALLER),
                "intruder");
        headers.put(
                Metadata.Key.of("x-newsroom-roles", Metadata.ASCII_STRING_MARSHALLER),
                "admin,editor,moderator");
        return headers;
    }

    /** The request with every integer id field set to a real story, so only the role check stands in the way. */
    private static DynamicMessage withIds(Descriptor input, String storyId) {
        DynamicMessage.Builder b = DynamicMessage.newBuilder(input);
        for (FieldDescriptor f : input.getFields()) {
            if (!f.isRepeated()
                    && f.getJavaType() == FieldDescriptor.JavaType.LONG
                    && (f.getName().equals("id") || f.getName().endsWith("_id"))) {
                b.setField(f, Long.parseLong(storyId));
            }
        }
        return b.build();
    }
}
