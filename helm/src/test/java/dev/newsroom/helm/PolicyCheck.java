package dev.newsroom.helm;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The house rules every rendered object obeys:
 * <ul>
 *   <li>every object, and every pod template, carries the standard app.kubernetes.io labels;</li>
 *   <li>every container and init container has cpu and memory requests and limits, a
 *       readiness and a liveness probe (helm test pods excepted), and the security context:
 *       runAsNonRoot, a non-zero runAsUser, readOnlyRootFilesystem with /tmp on an emptyDir,
 *       allowPrivilegeEscalation false, not privileged, capabilities drop ALL, seccomp
 *       RuntimeDefault (each either on the container or inherited from the pod);</li>
 *   <li>images are pinned: a tag other than latest, or a digest;</li>
 *   <li>pods don't mount a service account token.</li>
 * </ul>
 */
final class PolicyCheck {

    static final List<String> STANDARD_LABELS =
            List.of(
                    "app.kubernetes.io/name",
                    "app.kubernetes.io/instance",
                    "app.kubernetes.io/version",
                    "app.kubernetes.io/component",
                    "app.kubernetes.io/part-of",
                    "app.kubernetes.io/managed-by");

    private PolicyCheck() {}

    static List<String> check(List<Manifest> manifests) {
        List<String> findings = new ArrayList<>();
        manifests.forEach(manifest -> findings.addAll(check(manifest)));
        return findings;
    }

    static List<String> check(Manifest manifest) {
        List<String> findings = new ArrayList<>();
        missingLabels(manifest.labels())
                .forEach(label -> findings.add(manifest.id() + ": label " + label + " missing"));
        SchemaCheck.typed(manifest)
                .flatMap(PolicyCheck::podTemplate)
                .ifPresent(
                        template -> {
                            Map<String, String> podLabels =
                                    Objects.requireNonNullElse(
                                            template.getMetadata() == null
                                                    ? null
                                                    : template.getMetadata().getLabels(),
                                            Map.of());
                            missingLabels(podLabels)
                                    .forEach(
                                            label ->
                                                    findings.add(
                                                            manifest.id()
                                                                    + ": pod label "
                                                                    + label
                                                                    + " missing"));
                            checkPod(manifest, template.getSpec(), findings);
                        });
        return findings;
    }

    private static List<String> missingLabels(Map<String, String> labels) {
        return STANDARD_LABELS.stream()
                .filter(label -> labels.get(label) == null || labels.get(label).isBlank())
                .toList();
    }

    /** The pod a workload runs (a bare Pod counts as its own template). */
    private static Optional<V1PodTemplateSpec> podTemplate(Object typed) {
        V1PodTemplateSpec template = null;
        if (typed instanceof V1Deployment d) {
            template = d.getSpec().getTemplate();
        } else if (typed instanceof V1StatefulSet s) {
            template = s.getSpec().getTemplate();
        } else if (typed instanceof V1DaemonSet d) {
            template = d.getSpec().getTemplate();
        } else if (typed instanceof V1Job j) {
            template = j.getSpec().getTemplate();
        } else if (typed instanceof V1CronJob c) {
            template = c.getSpec().getJobTemplate().getSpec().getTemplate();
        } else if (typed instanceof V1Pod p) {
            template = new V1PodTemplateSpec().metadata(p.getMetadata()).spec(p.getSpec());
        }
        return Optional.ofNullable(template);
    }

    private static void checkPod(Manifest manifest, V1PodSpec pod, List<String> findings) {
        if (pod == null) {
            findings.add(manifest.id() + ": no pod spec");
            return;
        }
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            findings.add(manifest.id() + ": automountServiceAccountToken must be false");
        }
        V1PodSecurityContext podSecurity =
                Objects.requireNonNullElse(pod.getSecurityContext(), new V1PodSecurityContext());
        List<V1Container> containers =
                Stream.concat(
                                Objects.requireNonNullElse(
                                        pod.getInitContainers(), List.<V1Container>of())
                                        .stream(),
                                Objects.requireNonNullElse(
                                        pod.getContainers(), List.<V1Container>of())
                                        .stream())
                        .toList();
        for (V1Container container : containers) {
            String where = manifest.id() + " container " + container.getName();
            checkResources(where, container.getResources(), findings);
            if (!manifest.isTestHook()) {
                if (container.getReadinessProbe() == null) {
                    findings.add(where + ": readinessProbe missing");
                }
                if (container.getLivenessProbe() == null) {
                    findings.add(where + ": livenessProbe missing");
                }
            }
            checkSecurity(where, container, podSecurity, pod.getVolumes(), findings);
            checkImage(where, container.getImage(), findings);
        }
    }

    private static void checkResources(
            String where, V1ResourceRequirements resources, List<String> findings) {
        for (String kind : List.of("requests", "limits")) {
            var values =
                    resources == null
                            ? null
                            : kind.equals("requests")
                                    ? resources.getRequests()
                                    : resources.getLimits();
            for (String resource : List.of("cpu", "memory")) {
                if (values == null || values.get(resource) == null) {
                    findings.add(where + ": resources." + kind + "." + resource + " missing");
                }
            }
        }
    }

    private static void checkSecurity(
            String where,
            V1Container container,
            V1PodSecurityContext pod,
            List<V1Volume> volumes,
            List<String> findings) {
        V1SecurityContext sc = container.getSecurityContext();
        if (sc == null) {
            findings.add(where + ": securityContext missing");
            sc = new V1SecurityContext();
        }
        Boolean nonRoot =
                sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot() : pod.getRunAsNonRoot();
        if (!Boolean.TRUE.equals(nonRoot)) {
            findings.add(where + ": runAsNonRoot must be true");
        }
        Long user = sc.getRunAsUser() != null ? sc.getRunAsUser() : pod.getRunAsUser();
        if (user == null || user == 0) {
            findings.add(where + ": runAsUser must be set to a non-root UID");
        }
        if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
            findings.add(where + ": readOnlyRootFilesystem must be true");
        } else if (!tmpOnEmptyDir(container, volumes)) {
            findings.add(where + ": needs a writable /tmp from an emptyDir volume");
        }
        if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
            findings.add(where + ": allowPrivilegeEscalation must be false");
        }
        if (Boolean.TRUE.equals(sc.getPrivileged())) {
            findings.add(where + ": must not be privileged");
        }
        if (sc.getCapabilities() == null
                || sc.getCapabilities().getDrop() == null
                || !sc.getCapabilities().getDrop().contains("ALL")) {
            findings.add(where + ": capabilities must drop ALL");
        }
        if (sc.getCapabilities() != null
                && sc.getCapabilities().getAdd() != null
                && !sc.getCapabilities().getAdd().isEmpty()) {
            findings.add(where + ": must not add capabilities " + sc.getCapabilities().getAdd());
        }
        V1SeccompProfile seccomp =
                sc.getSeccompProfile() != null ? sc.getSeccompProfile() : pod.getSeccompProfile();
        if (seccomp == null || !"RuntimeDefault".equals(seccomp.getType())) {
            findings.add(where + ": seccompProfile must be RuntimeDefault");
        }
    }

    private static boolean tmpOnEmptyDir(V1Container container, List<V1Volume> volumes) {
        return Objects.requireNonNullElse(container.getVolumeMounts(), List.<V1VolumeMount>of())
                .stream()
                .filter(mount -> "/tmp".equals(mount.getMountPath()))
                .anyMatch(
                        mount ->
                                Objects.requireNonNullElse(volumes, List.<V1Volume>of()).stream()
                                        .anyMatch(
                                                volume ->
                                                        volume.getName().equals(mount.getName())
                                                                && volume.getEmptyDir() != null));
    }

    /** repository:tag (not latest) or repository@digest. */
    static void checkImage(String where, String image, List<String> findings) {
        if (image == null || image.isBlank()) {
            findings.add(where + ": image missing");
            return;
        }
        if (image.contains("@sha256:")) {
            return;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            findings.add(where + ": image " + image + " has no tag (means latest)");
        } else if (image.substring(colon + 1).equals("latest")) {
            findings.add(where + ": image " + image + " uses the tag latest");
        }
    }
}
