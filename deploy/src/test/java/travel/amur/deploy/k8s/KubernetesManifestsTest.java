package travel.amur.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import travel.amur.common.event.Topics;

/**
 * deploy/k8s, checked offline: each overlay renders, every object is one the API server would take, and production
 * follows the rules operations rely on.
 */
class KubernetesManifestsTest {

    private static final Schemas SCHEMAS = new Schemas();
    private static final Overlay DEV = Overlay.render("dev");
    private static final Overlay PROD = Overlay.render("prod");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_object_of_an_overlay_matches_the_schema_of_its_kind(String name) {
        Overlay overlay = "dev".equals(name) ? DEV : PROD;

        assertThat(overlay.objects()).hasSizeGreaterThan(30);
        assertThat(overlay.objects().stream().flatMap(o -> SCHEMAS.problems(o).stream())).isEmpty();
    }

    @Test
    void the_schema_check_rejects_unknown_fields_missing_required_fields_and_wrong_types() {
        List<ObjectNode> broken = Overlay.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: typo}
                spec:
                  replica: 2
                  selector: {matchLabels: {app: a}}
                  template:
                    metadata: {labels: {app: a}}
                    spec:
                      containers: [{name: a, image: a}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: quoted-port}
                spec: {ports: [{port: "8080"}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: nameless-container}
                spec:
                  selector: {matchLabels: {app: a}}
                  template: {spec: {containers: [{image: a}]}}
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                spec: {partition: 3}
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata: {name: k}
                spec: {kafka: {config: {}}}
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: db}
                spec: {storage: {size: 1Gi}, bootstrap: {initdb: {database: x, owner: x, ownr: y}}}
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: old}
                spec: {partitions: 3}
                """);

        assertThat(broken.stream().map(SCHEMAS::problems).map(List::toString)).satisfiesExactly(
                typo -> assertThat(typo).contains("unknown field spec.replica"),
                quoted -> assertThat(quoted).contains("spec.ports[0].port").contains("String"),
                nameless -> assertThat(nameless).contains("containers[0].name is required"),
                topic -> assertThat(topic).contains("unknown field spec.partition"),
                kafka -> assertThat(kafka).contains("listeners is required"),
                cluster -> assertThat(cluster).contains("instances").contains("ownr"),
                old -> assertThat(old).contains("no schema known for kafka.strimzi.io/v1beta2/KafkaTopic"));
    }

    @Test
    void in_prod_every_deployment_has_two_replicas_a_disruption_budget_resources_probes_a_non_root_context_and_a_network_policy() {
        List<ObjectNode> deployments = PROD.ofKind("Deployment");
        assertThat(deployments).extracting(Overlay::nameOf)
                .containsExactlyInAnyOrder("gateway", "flight-service", "visa-service", "itinerary-service");

        for (ObjectNode deployment : deployments) {
            String name = Overlay.nameOf(deployment);
            JsonNode pod = deployment.path("spec").path("template");
            assertThat(deployment.path("spec").path("replicas").asInt()).as(name + " replicas").isGreaterThanOrEqualTo(2);
            assertThat(PROD.ofKind("PodDisruptionBudget")).as(name + " disruption budget")
                    .anyMatch(pdb -> selects(pdb.path("spec").path("selector"), pod));
            assertThat(PROD.ofKind("HorizontalPodAutoscaler")).as(name + " autoscaler")
                    .anyMatch(hpa -> name.equals(hpa.path("spec").path("scaleTargetRef").path("name").asText())
                            && hpa.path("spec").path("minReplicas").asInt() >= 2);
            assertThat(PROD.ofKind("NetworkPolicy")).as(name + " network policy")
                    .anyMatch(policy -> !policy.path("spec").path("podSelector").path("matchLabels").isEmpty()
                            && selects(policy.path("spec").path("podSelector"), pod));
            assertThat(pod.path("spec").path("topologySpreadConstraints").findValuesAsText("topologyKey"))
                    .as(name + " spread").contains("topology.kubernetes.io/zone");
            assertThat(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean())
                    .as(name + " runs as non-root").isTrue();
            for (JsonNode container : pod.path("spec").path("containers")) {
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertThat(container.path("resources").path(bound).path(resource).asText())
                                .as(name + " " + bound + "." + resource).isNotEmpty();
                    }
                }
                assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
                        .as(name + " liveness").isEqualTo("/actuator/health/liveness");
                assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
                        .as(name + " readiness").isEqualTo("/actuator/health/readiness");
                JsonNode security = container.path("securityContext");
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(name + " escalation").isFalse();
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(name + " read-only root").isTrue();
                assertThat(security.path("capabilities").path("drop").toString()).as(name + " capabilities")
                        .contains("ALL");
            }
        }
    }

    @Test
    void in_dev_everything_runs_once() {
        assertThat(DEV.ofKind("Deployment")).allSatisfy(d -> assertThat(d.path("spec").path("replicas").asInt())
                .as(Overlay.describe(d)).isEqualTo(1));
        assertThat(DEV.named("KafkaNodePool", "dual-role").path("spec").path("replicas").asInt()).isEqualTo(1);
        assertThat(DEV.ofKind("Cluster")).allSatisfy(c -> assertThat(c.path("spec").path("instances").asInt())
                .isEqualTo(1));
        assertThat(DEV.ofKind("HorizontalPodAutoscaler")).isEmpty();
    }

    @Test
    void every_topic_the_services_use_and_its_dead_letter_topic_has_three_replicas_and_needs_two_in_sync() {
        List<String> topics = topicsOfTheServices();
        assertThat(topics).hasSize(5);

        for (String topic : topics) {
            for (String name : List.of(topic, Topics.deadLetterOf(topic))) {
                JsonNode spec = PROD.named("KafkaTopic", name).path("spec");
                assertThat(spec.path("topicName").asText()).isEqualTo(name);
                assertThat(spec.path("replicas").asInt()).as(name).isEqualTo(3);
                assertThat(spec.path("config").path("min.insync.replicas").asInt()).as(name).isEqualTo(2);
                assertThat(spec.path("partitions").asInt()).as(name).isPositive();
            }
        }
        assertThat(PROD.ofKind("KafkaTopic")).hasSize(topics.size() * 2);
        assertThat(PROD.named("KafkaNodePool", "dual-role").path("spec").path("roles").toString())
                .contains("controller").contains("broker");
        assertThat(PROD.named("ConfigMap", "amur-common").path("data").path("SPRING_KAFKA_ADMIN_AUTO_CREATE").asText())
                .as("topics belong to Strimzi").isEqualTo("false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void no_secret_value_is_kept_and_every_secret_used_is_made_by_an_operator_or_by_operations(String name) {
        Overlay overlay = "dev".equals(name) ? DEV : PROD;
        assertThat(overlay.ofKind("Secret")).isEmpty();

        Set<String> known = new HashSet<>(Set.of("gateway-api-keys"));
        overlay.ofKind("Cluster").forEach(cluster -> known.add(Overlay.nameOf(cluster) + "-app"));
        Set<String> used = new HashSet<>();
        for (ObjectNode object : overlay.objects()) {
            object.findValues("secretKeyRef").forEach(ref -> used.add(ref.path("name").asText()));
            object.findValues("secret").forEach(volume -> {
                if (volume.has("secretName")) {
                    used.add(volume.path("secretName").asText());
                }
            });
            for (JsonNode env : object.findValues("env")) {
                for (JsonNode variable : env) {
                    if (variable.has("value")) {
                        assertThat(variable.path("name").asText()).as("a literal value in " + Overlay.describe(object))
                                .doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("secret")
                                .doesNotContainIgnoringCase("key");
                    }
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(known).containsAll(used);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void a_pod_has_time_to_leave_the_load_balancers_and_drain_before_it_is_killed(String name) {
        Overlay overlay = "dev".equals(name) ? DEV : PROD;
        Duration phase = Duration.parse("PT" + overlay.named("ConfigMap", "amur-common").path("data")
                .path("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE").asText().toUpperCase());

        for (ObjectNode deployment : overlay.ofKind("Deployment")) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            long pause = pod.path("containers").get(0).path("lifecycle").path("preStop").path("sleep").path("seconds")
                    .asLong();
            // The web server drains in one phase and the Kafka listeners stop in another.
            assertThat(pod.path("terminationGracePeriodSeconds").asLong()).as(Overlay.describe(deployment))
                    .isGreaterThan(pause + phase.toSeconds())
                    .isGreaterThanOrEqualTo(pause + phase.toSeconds() + 10);
            assertThat(deployment.path("spec").path("template").path("metadata").path("annotations")
                    .path("prometheus.io/scrape").asText()).isEqualTo("true");
        }
    }

    @Test
    void each_database_is_reachable_from_its_own_service_and_no_other() {
        Map<String, String> owners = Map.of("amur-flight-db", "flight-service", "amur-visa-db", "visa-service",
                "amur-itinerary-db", "itinerary-service");
        owners.forEach((database, service) -> {
            assertThat(PROD.named("ConfigMap", service).path("data").path("SPRING_R2DBC_URL").asText())
                    .startsWith("r2dbc:postgresql://" + database + "-rw:5432/");
            assertThat(PROD.named("Cluster", database).path("spec").path("instances").asInt()).isEqualTo(3);
            JsonNode policy = PROD.named("NetworkPolicy", database).path("spec");
            assertThat(policy.path("podSelector").path("matchLabels").path("cnpg.io/cluster").asText())
                    .isEqualTo(database);
            List<String> apps = policy.path("ingress").findValuesAsText("app.kubernetes.io/name");
            assertThat(apps).containsExactly(service);
        });
        assertThat(PROD.named("NetworkPolicy", "default-deny-ingress").path("spec").path("podSelector").isEmpty())
                .isTrue();
    }

    @Test
    void the_ingress_serves_the_api_over_tls_from_the_gateway_only() {
        JsonNode spec = PROD.named("Ingress", "amur").path("spec");
        assertThat(spec.path("tls")).isNotEmpty();
        assertThat(spec.findValuesAsText("name").stream().filter(n -> !n.equals("http")).distinct().toList())
                .containsExactly("gateway");
        assertThat(PROD.named("NetworkPolicy", "gateway").path("spec").path("ingress").toString())
                .contains("ingress-nginx");
    }

    @Test
    void every_config_map_and_service_a_pod_refers_to_exists() {
        for (Overlay overlay : List.of(DEV, PROD)) {
            Set<String> configMaps = names(overlay, "ConfigMap");
            Set<String> services = names(overlay, "Service");
            for (ObjectNode object : overlay.objects()) {
                object.findValues("configMapRef").forEach(ref -> assertThat(configMaps)
                        .as(Overlay.describe(object)).contains(ref.path("name").asText()));
            }
            for (ObjectNode configMap : overlay.ofKind("ConfigMap")) {
                configMap.path("data").properties().forEach(entry -> {
                    if (entry.getKey().endsWith("_SERVICE_URL")) {
                        String host = entry.getValue().asText().replaceAll("^http://([^:/]+).*", "$1");
                        assertThat(services).as(entry.getKey()).contains(host);
                    }
                });
            }
            for (ObjectNode service : overlay.ofKind("Service")) {
                JsonNode selector = service.path("spec").path("selector");
                assertThat(Stream.concat(overlay.ofKind("Deployment").stream(), overlay.ofKind("StatefulSet").stream()))
                        .as(overlay.name() + " " + Overlay.describe(service) + " selects pods")
                        .anyMatch(workload -> labelsInclude(workload.path("spec").path("template"), selector));
            }
        }
    }

    private static Set<String> names(Overlay overlay, String kind) {
        Set<String> names = new HashSet<>();
        overlay.ofKind(kind).forEach(o -> names.add(Overlay.nameOf(o)));
        return names;
    }

    private static boolean selects(JsonNode selector, JsonNode podTemplate) {
        return labelsInclude(podTemplate, selector.path("matchLabels"));
    }

    private static boolean labelsInclude(JsonNode podTemplate, JsonNode wanted) {
        JsonNode labels = podTemplate.path("metadata").path("labels");
        return StreamSupport.stream(wanted.properties().spliterator(), false)
                .allMatch(entry -> entry.getValue().asText().equals(labels.path(entry.getKey()).asText()));
    }

    private static List<String> topicsOfTheServices() {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    topics.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return topics;
    }
}
