package dev.newsroom.search.support;

import dev.newsroom.search.index.SearchConfig;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.NameUtils;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;

/**
 * search-service's configuration as it ships: the defaults of its application.yml (and the
 * environment's overrides), for tests that build the query side without starting the service.
 */
public final class ShippedConfig {
    private ShippedConfig() {}

    public static SearchConfig search() {
        return search(Map.of());
    }

    /** The shipped configuration with some keys (under newsroom.search, e.g. default-operator) replaced. */
    public static SearchConfig search(Map<String, Object> replaced) {
        try (ApplicationContext context = ApplicationContext.builder().build()) {
            Environment env = context.getEnvironment();
            env.start();
            RecordComponent[] components = SearchConfig.class.getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                String key = NameUtils.hyphenate(components[i].getName());
                Class<?> type = components[i].getType();
                values[i] =
                        replaced.containsKey(key)
                                ? replaced.get(key)
                                : env.getRequiredProperty("newsroom.search." + key, type);
            }
            Class<?>[] types =
                    Arrays.stream(components)
                            .map(RecordComponent::getType)
                            .toArray(Class<?>[]::new);
            return SearchConfig.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build SearchConfig from application.yml", e);
        }
    }
}
