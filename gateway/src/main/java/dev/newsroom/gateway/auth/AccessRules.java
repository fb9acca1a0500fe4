package dev.newsroom.gateway.auth;

import com.google.protobuf.Descriptors.MethodDescriptor;
import dev.newsroom.gateway.errors.ApiException;
import dev.newsroom.proto.common.v1.AccessProto;
import java.util.List;

/** Roles an RPC asks for, from its {@code (newsroom.common.v1.access)} option, and the check at the edge. */
public final class AccessRules {

    private AccessRules() {}

    /** Empty: anyone may call it, anonymous readers too. */
    public static List<String> requiredRoles(MethodDescriptor method) {
        return List.copyOf(method.getOptions().getExtension(AccessProto.access).getRolesList());
    }

    /** 401 for an anonymous caller of a protected RPC, 403 for a caller without any of the roles. */
    public static void check(List<String> requiredRoles, Caller caller) {
        if (requiredRoles.isEmpty()) {
            return;
        }
        if (!caller.authenticated()) {
            throw ApiException.unauthenticated("this call needs a bearer token", false);
        }
        if (!caller.hasAnyRole(requiredRoles)) {
            throw ApiException.permissionDenied(
                    "this call needs the role " + String.join(" or ", requiredRoles));
        }
    }
}
