package dev.newsroom.gateway.transcoding;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.JavaType;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Message;
import dev.newsroom.gateway.caching.HttpCaching;
import dev.newsroom.gateway.readpath.StoryRef;
import dev.newsroom.proto.common.v1.CacheClass;
import dev.newsroom.proto.common.v1.HttpSemantics;
import dev.newsroom.proto.common.v1.HttpSemanticsProto;
import dev.newsroom.proto.common.v1.RateClass;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the contract declares about an RPC beside its http rule and roles: its
 * {@code (newsroom.common.v1.http_semantics)} option, read and checked once at start-up, with
 * every field path resolved. The gateway's caching, read path and Location come from here
 * only; an RPC without the option gets {@link #DEFAULTS}.
 *
 * @param cacheClass  null: not a public read (answers are private, no-store)
 * @param story       null: answers are about no one story
 * @param changes     null: a call changes no answer the gateway caches
 * @param etag        null: no ETag
 * @param location    null: no Location
 * @param rateClass   the per-client rate budget a call spends (never UNSPECIFIED: WRITE when not declared)
 */
public record RpcSemantics(
        CacheClass cacheClass,
        boolean nearCache,
        boolean countsView,
        Story story,
        Changes changes,
        Etag etag,
        LocationTemplate location,
        boolean idempotent,
        RateClass rateClass) {

    /** Not cacheable, about no story, changes nothing, no ETag, no Location, not idempotent, WRITE budget. */
    public static final RpcSemantics DEFAULTS =
            new RpcSemantics(
                    null, false, false, null, null, null, null, false, RateClass.RATE_CLASS_WRITE);

    private static final Set<JavaType> ID = EnumSet.of(JavaType.LONG);
    private static final Set<JavaType> SCALAR =
            EnumSet.of(JavaType.LONG, JavaType.INT, JavaType.STRING);

    /** Where an answer names its story. */
    public record Story(FieldPath id, FieldPath section, FieldPath status, String publishedValue) {

        StoryRef of(Message response) {
            Object id = this.id.valueIn(response);
            if (id == null) {
                return null;
            }
            String section =
                    this.section == null ? "" : (String) this.section.valueOrDefault(response);
            boolean published =
                    status != null
                            && publishedValue.equals(
                                    ((EnumValueDescriptor) status.valueOrDefault(response))
                                            .getName());
            return new StoryRef((Long) id, section, published);
        }
    }

    /** The News ID a write changes: a request field, or a response field. */
    public record Changes(FieldPath requestId, FieldPath responseId) {}

    /** The fields of a strong ETag {@code "<id>-<version>"}. */
    public record Etag(FieldPath id, FieldPath version) {}

    public static RpcSemantics of(MethodDescriptor rpc) {
        if (!rpc.getOptions().hasExtension(HttpSemanticsProto.httpSemantics)) {
            return DEFAULTS;
        }
        HttpSemantics option = rpc.getOptions().getExtension(HttpSemanticsProto.httpSemantics);
        String where = rpc.getFullName() + " http_semantics";
        Descriptor in = rpc.getInputType();
        Descriptor out = rpc.getOutputType();
        CacheClass cacheClass = null;
        if (option.hasPublicRead()) {
            cacheClass = option.getPublicRead().getCacheClass();
            if (cacheClass == CacheClass.CACHE_CLASS_UNSPECIFIED
                    || cacheClass == CacheClass.UNRECOGNIZED) {
                throw new IllegalStateException(where + ": public_read needs a cache_class");
            }
        }
        Story story = null;
        if (option.hasStory()) {
            var s = option.getStory();
            FieldPath status =
                    s.getStatus().isEmpty()
                            ? null
                            : FieldPath.resolve(
                                    out,
                                    s.getStatus(),
                                    where + " story.status",
                                    EnumSet.of(JavaType.ENUM));
            if (status != null
                    && status.fields()
                                    .get(status.fields().size() - 1)
                                    .getEnumType()
                                    .findValueByName(s.getPublishedValue())
                            == null) {
                throw new IllegalStateException(
                        where
                                + ": story.published_value "
                                + s.getPublishedValue()
                                + " is no value of "
                                + status);
            }
            story =
                    new Story(
                            FieldPath.resolve(out, s.getId(), where + " story.id", ID),
                            s.getSection().isEmpty()
                                    ? null
                                    : FieldPath.resolve(
                                            out,
                                            s.getSection(),
                                            where + " story.section",
                                            EnumSet.of(JavaType.STRING)),
                            status,
                            s.getPublishedValue());
        }
        Changes changes =
                switch (option.getChanges().getFromCase()) {
                    case REQUEST_ID ->
                            new Changes(
                                    FieldPath.resolve(
                                            in,
                                            option.getChanges().getRequestId(),
                                            where + " changes",
                                            ID),
                                    null);
                    case RESPONSE_ID ->
                            new Changes(
                                    null,
                                    FieldPath.resolve(
                                            out,
                                            option.getChanges().getResponseId(),
                                            where + " changes",
                                            ID));
                    case FROM_NOT_SET -> null;
                };
        Etag etag =
                option.hasEtag()
                        ? new Etag(
                                FieldPath.resolve(
                                        out, option.getEtag().getId(), where + " etag.id", SCALAR),
                                FieldPath.resolve(
                                        out,
                                        option.getEtag().getVersion(),
                                        where + " etag.version",
                                        SCALAR))
                        : null;
        boolean nearCache = option.getPublicRead().getNearCache();
        boolean countsView = option.getPublicRead().getCountsView();
        if (countsView && (story == null || story.status() == null)) {
            throw new IllegalStateException(
                    where + ": counts_view needs story.id, story.status and story.published_value");
        }
        if (cacheClass != null && changes != null) {
            throw new IllegalStateException(where + ": a public read changes nothing");
        }
        RateClass rateClass = option.getRateClass();
        if (rateClass == RateClass.RATE_CLASS_UNSPECIFIED || rateClass == RateClass.UNRECOGNIZED) {
            rateClass = RateClass.RATE_CLASS_WRITE;
        }
        return new RpcSemantics(
                cacheClass,
                nearCache,
                countsView,
                story,
                changes,
                etag,
                LocationTemplate.parse(option.getLocation(), out),
                option.getIdempotent(),
                rateClass);
    }

    /** Anonymous answers of a GET may be shared (Cache-Control public). */
    public boolean publicRead() {
        return cacheClass != null;
    }

    /** The story {@code response} is about, or null. */
    public StoryRef storyOf(Message response) {
        return story == null ? null : story.of(response);
    }

    /** The News ID a successful call changed, or null when it changes nothing cached. */
    public Long changedStory(Message request, Message response) {
        if (changes == null) {
            return null;
        }
        return (Long)
                (changes.requestId() != null
                        ? changes.requestId().valueIn(request)
                        : changes.responseId().valueIn(response));
    }

    /** The strong ETag of {@code response}, or null (none declared, id not set, or not quotable). */
    public String etagOf(Message response) {
        if (etag == null) {
            return null;
        }
        Object id = etag.id().valueIn(response);
        return id == null
                ? null
                : HttpCaching.strongEtag(id, etag.version().valueOrDefault(response));
    }

    /** The Location of a created resource, or null. */
    public URI locationOf(Message response) {
        return location == null ? null : location.fill(response);
    }
}
