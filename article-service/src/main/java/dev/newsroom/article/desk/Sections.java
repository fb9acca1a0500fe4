package dev.newsroom.article.desk;

import dev.newsroom.article.store.SectionStore;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Sections change only with a migration, so they are read once and kept. */
@Singleton
public class Sections {
    private final SectionStore store;
    private final TransactionOperations<Connection> tx;
    private volatile List<SectionStore.Section> all;
    private volatile Set<String> ids;

    public Sections(SectionStore store, TransactionOperations<Connection> tx) {
        this.store = store;
        this.tx = tx;
    }

    public List<SectionStore.Section> all() {
        List<SectionStore.Section> cached = all;
        if (cached == null) {
            cached = tx.executeRead(status -> store.all());
            Set<String> known = new LinkedHashSet<>();
            cached.forEach(s -> known.add(s.id()));
            ids = java.util.Collections.unmodifiableSet(known);
            all = cached;
        }
        return cached;
    }

    /** The section ids, checked on every editorial write. */
    public Set<String> ids() {
        all();
        return ids;
    }
}
