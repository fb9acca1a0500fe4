package dev.newsroom.gateway.readpath;

/**
 * What the read path needs to know about an answer that is one story: its News ID, section
 * and whether it is published, read from the response fields the RPC's {@code story}
 * declaration names (see {@code RpcSemantics}).
 */
public record StoryRef(long id, String section, boolean published) {}
