package dev.newsroom.gateway.readpath;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

/**
 * What the read path needs to know about an answer that is one story: its News ID, section
 * and status, read generically from the fields {@code id}, {@code section}, {@code status}.
 */
public record StoryRef(long id, String section, boolean published) {

  /** The story an answer is about, or null when it has no numeric {@code id}. */
  public static StoryRef of(Message message) {
    FieldDescriptor id = message.getDescriptorForType().findFieldByName("id");
    if (id == null || id.isRepeated() || id.getJavaType() != FieldDescriptor.JavaType.LONG || !message.hasField(id)) {
      return null;
    }
    FieldDescriptor section = message.getDescriptorForType().findFieldByName("section");
    FieldDescriptor status = message.getDescriptorForType().findFieldByName("status");
    String sectionName = section != null && section.getJavaType() == FieldDescriptor.JavaType.STRING
        && !section.isRepeated() ? (String) message.getField(section) : "";
    boolean published = status != null && status.getJavaType() == FieldDescriptor.JavaType.ENUM && !status.isRepeated()
        && "PUBLISHED".equals(((EnumValueDescriptor) message.getField(status)).getName());
    return new StoryRef((Long) message.getField(id), sectionName, published);
  }
}
