package dev.newsroom.comment.board;

import dev.newsroom.comment.domain.Comment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A comment with its replies, as readers see a thread. */
public record CommentThread(Comment comment, List<CommentThread> replies) {

    /**
     * Nests approved replies under their parents (both lists oldest first). A reply whose
     * parent is not shown (rejected after the reply was approved) is not shown either.
     */
    static List<CommentThread> build(List<Comment> topLevel, List<Comment> replies) {
        Map<Long, CommentThread> byId = new LinkedHashMap<>();
        List<CommentThread> roots = new ArrayList<>();
        for (Comment c : topLevel) {
            CommentThread t = new CommentThread(c, new ArrayList<>());
            byId.put(c.id(), t);
            roots.add(t);
        }
        for (Comment c : replies) {
            CommentThread parent = byId.get(c.parentId());
            if (parent != null) {
                CommentThread t = new CommentThread(c, new ArrayList<>());
                parent.replies().add(t);
                byId.put(c.id(), t);
            }
        }
        return roots;
    }
}
