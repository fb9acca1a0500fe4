package dev.newsroom.gateway.readpath;

import com.google.protobuf.Message;
import dev.newsroom.gateway.auth.Caller;
import dev.newsroom.gateway.ops.ClientFingerprint;
import dev.newsroom.gateway.transcoding.HttpBinding;
import dev.newsroom.gateway.transcoding.Rendered;
import dev.newsroom.gateway.transcoding.RpcSemantics;
import dev.newsroom.proto.common.v1.CacheClass;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every read-path decision in one place (docs/read-path.md), for the transcoding filter and
 * {@link NearCacheFastPath}: whether an answer may be shared and near-cached (and under which
 * key), which answers are reader views, which cached answers a change evicts. All of it from
 * the RPC's declared {@link RpcSemantics}, nothing from field names.
 */
public class ReadPath {

    private static final List<String> EDITOR = List.of("editor");

    /**
     * How one request is treated, decided once.
     *
     * @param shareable an anonymous GET of a public read: shared caches may keep the answer
     * @param cacheKey  the near-cache key, or null when the near cache is not used for it
     */
    public record Decision(boolean shareable, String cacheKey) {}

    private final NearCache cache;
    private final ViewCounter views;
    private final ClientFingerprint fingerprint;

    public ReadPath(NearCache cache, ViewCounter views, ClientFingerprint fingerprint) {
        this.cache = cache;
        this.views = views;
        this.fingerprint = fingerprint;
    }

    public Decision decide(ServerWebExchange exchange, HttpBinding binding, Caller caller) {
        RpcSemantics semantics = binding.semantics();
        boolean shareable =
                binding.isGet()
                        && semantics.publicRead()
                        && binding.requiredRoles().isEmpty()
                        && !caller.authenticated();
        String key =
                shareable && semantics.nearCache() && cache.enabled()
                        ? NearCache.key(exchange)
                        : null;
        return new Decision(shareable, key);
    }

    /**
     * The fast path's lookup: the kept answer to an anonymous GET, its view counted, or null.
     * Only answers to shareable requests are ever kept, so any anonymous GET may look.
     */
    public Rendered cachedAnswer(ServerWebExchange exchange) {
        if (!HttpMethod.GET.equals(exchange.getRequest().getMethod())) {
            return null;
        }
        Caller caller = Caller.of(exchange);
        NearCache.Entry hit = caller.authenticated() ? null : cache.hit(NearCache.key(exchange));
        if (hit == null) {
            return null;
        }
        countView(exchange, hit, caller);
        return hit.response();
    }

    /**
     * Whether this request would be answered from memory, with no call (an anonymous GET the
     * near cache holds): the rate limiter then spends from its in-process bucket only.
     */
    public boolean wouldAnswerFromCache(ServerWebExchange exchange) {
        return HttpMethod.GET.equals(exchange.getRequest().getMethod())
                && !Caller.of(exchange).authenticated()
                && cache.contains(NearCache.key(exchange));
    }

    /** The kept answer for a near-cached request (counted as hit or miss), or null. */
    public NearCache.Entry cached(String key) {
        return cache.get(key);
    }

    /**
     * After a miss: the answer {@code call} fetches, rendered and kept; concurrent misses of one
     * key share a single call.
     */
    public <M extends Message> Mono<NearCache.Entry> load(
            String key, HttpBinding binding, Mono<M> call, Function<M, Rendered> render) {
        RpcSemantics semantics = binding.semantics();
        return cache.load(
                key,
                () ->
                        call.map(
                                response ->
                                        new NearCache.Entry(
                                                render.apply(response),
                                                semantics.storyOf(response),
                                                semantics.cacheClass()
                                                        == CacheClass.CACHE_CLASS_ITEM,
                                                semantics.countsView())));
    }

    /** Counts the view a near-cached answer is, if it is one. */
    public void countView(ServerWebExchange exchange, NearCache.Entry entry, Caller caller) {
        countView(exchange, entry.countsView(), entry.story(), caller);
    }

    /** After a successful call: counts the view it is, evicts what it changed. */
    public void answered(
            ServerWebExchange exchange,
            HttpBinding binding,
            Caller caller,
            Message request,
            Message response) {
        RpcSemantics semantics = binding.semantics();
        Long changed = semantics.changedStory(request, response);
        if (changed != null) {
            cache.evict(changed);
        }
        if (binding.isGet() && semantics.countsView()) {
            countView(exchange, true, semantics.storyOf(response), caller);
        }
    }

    /** A successful read of a published story by anyone but an editor. */
    private void countView(
            ServerWebExchange exchange, boolean countsView, StoryRef story, Caller caller) {
        if (countsView
                && views.enabled()
                && story != null
                && story.published()
                && !(caller.authenticated() && caller.hasAnyRole(EDITOR))) {
            views.record(story, fingerprint.reader(exchange), fingerprint.client(exchange));
        }
    }
}
