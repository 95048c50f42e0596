package travel.amur.deploy.k8s;

import static java.util.Map.entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.SleepAction;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ResourceMetricSource;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressRuleValue;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks an object against the schema of its kind, as the API server would: no unknown field, no missing required
 * field, no value of the wrong type. Kubernetes' own kinds are read into fabric8's model and Strimzi's into its
 * published API classes (both generated from the OpenAPI schemas), strictly; CloudNativePG publishes no Java model,
 * so its Cluster is checked against a JSON schema kept in {@code k8s-schemas/}.
 */
final class Schemas {

    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            entry("v1/Namespace", Namespace.class),
            entry("v1/ConfigMap", ConfigMap.class),
            entry("v1/Secret", Secret.class),
            entry("v1/Service", Service.class),
            entry("v1/ServiceAccount", ServiceAccount.class),
            entry("apps/v1/Deployment", Deployment.class),
            entry("apps/v1/StatefulSet", StatefulSet.class),
            entry("networking.k8s.io/v1/Ingress", Ingress.class),
            entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class));

    private static final Map<String, String> JSON_SCHEMAS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", "/k8s-schemas/cnpg-cluster-v1.json");

    /**
     * Required fields of Kubernetes' own types, from the "required" lists of the Kubernetes 1.32 OpenAPI document
     * (fabric8's model does not carry them; Strimzi's marks them with {@code @JsonProperty(required = true)}).
     */
    private static final Map<Class<?>, List<String>> REQUIRED = Map.ofEntries(
            entry(PodSpec.class, List.of("containers")),
            entry(Container.class, List.of("name", "image")),
            entry(ContainerPort.class, List.of("containerPort")),
            entry(EnvVar.class, List.of("name")),
            entry(SecretKeySelector.class, List.of("key")),
            entry(ConfigMapKeySelector.class, List.of("key")),
            entry(Volume.class, List.of("name")),
            entry(VolumeMount.class, List.of("name", "mountPath")),
            entry(KeyToPath.class, List.of("key", "path")),
            entry(HTTPGetAction.class, List.of("port")),
            entry(TCPSocketAction.class, List.of("port")),
            entry(SleepAction.class, List.of("seconds")),
            entry(SeccompProfile.class, List.of("type")),
            entry(TopologySpreadConstraint.class, List.of("maxSkew", "topologyKey", "whenUnsatisfiable")),
            entry(LabelSelectorRequirement.class, List.of("key", "operator")),
            entry(DeploymentSpec.class, List.of("selector", "template")),
            entry(StatefulSetSpec.class, List.of("selector", "template")),
            entry(ServicePort.class, List.of("port")),
            entry(HTTPIngressRuleValue.class, List.of("paths")),
            entry(HTTPIngressPath.class, List.of("pathType", "backend")),
            entry(IngressServiceBackend.class, List.of("name")),
            entry(HorizontalPodAutoscalerSpec.class, List.of("scaleTargetRef", "maxReplicas")),
            entry(CrossVersionObjectReference.class, List.of("kind", "name")),
            entry(MetricSpec.class, List.of("type")),
            entry(ResourceMetricSource.class, List.of("name", "target")),
            entry(MetricTarget.class, List.of("type")));

    // The API server takes no "8080" for 8080 and no 1 for true: neither may the check.
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private final Map<String, JsonSchema> jsonSchemas = new java.util.concurrent.ConcurrentHashMap<>();

    /** What is wrong with {@code object}, one line per problem; empty when the API server would take it. */
    List<String> problems(JsonNode object) {
        String kind = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        String where = Overlay.describe(object);
        List<String> problems = new ArrayList<>();
        if (Overlay.nameOf(object).isEmpty()) {
            problems.add(where + ": metadata.name is required");
        }
        if (JSON_SCHEMAS.containsKey(kind)) {
            for (ValidationMessage message : jsonSchemas.computeIfAbsent(JSON_SCHEMAS.get(kind), Schemas::jsonSchema)
                    .validate(object)) {
                problems.add(where + ": " + message.getMessage());
            }
            return problems;
        }
        Class<?> type = TYPES.get(kind);
        if (type == null) {
            problems.add(where + ": no schema known for " + kind);
            return problems;
        }
        try {
            walk(mapper.treeToValue(object, type), "", where, problems);
        } catch (JsonProcessingException e) {
            problems.add(where + ": " + path(e) + ": " + e.getOriginalMessage());
        }
        return problems;
    }

    private void walk(Object value, String path, String where, List<String> problems) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "." + key, where, problems));
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", where, problems);
            }
        } else if (value != null && isModel(value.getClass())) {
            walkModel(value, path, where, problems);
        }
    }

    private void walkModel(Object model, String path, String where, List<String> problems) {
        BeanDescription description = mapper.getSerializationConfig().introspect(mapper.constructType(model.getClass()));
        List<String> required = REQUIRED.getOrDefault(model.getClass(), List.of());
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (property.getAccessor() == null || "additionalProperties".equals(property.getName())) {
                continue;
            }
            Object value = property.getAccessor().getValue(model);
            String at = path + "." + property.getName();
            boolean missing = value == null || value instanceof Collection<?> c && c.isEmpty();
            if (missing && (property.isRequired() || required.contains(property.getName()))) {
                problems.add(where + ": " + at.substring(1) + " is required");
            }
            walk(value, at, where, problems);
        }
        // fabric8 and Strimzi keep fields they do not know in a map behind @JsonAnySetter rather than failing.
        unknownFieldsOf(model).forEach(key -> problems.add(where + ": unknown field " + (path + "." + key).substring(1)));
    }

    private static Collection<?> unknownFieldsOf(Object model) {
        try {
            Object unknown = model.getClass().getMethod("getAdditionalProperties").invoke(model);
            return unknown instanceof Map<?, ?> map ? map.keySet() : List.of();
        } catch (ReflectiveOperationException e) {
            return List.of();
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return !type.isEnum() && (name.startsWith("io.fabric8.kubernetes.api.model.") || name.startsWith("io.strimzi.api."));
    }

    private static String path(JsonProcessingException e) {
        StringBuilder path = new StringBuilder();
        if (e instanceof JsonMappingException mapping) {
            for (JsonMappingException.Reference step : mapping.getPath()) {
                path.append(step.getFieldName() != null ? "." + step.getFieldName() : "[" + step.getIndex() + "]");
            }
        }
        return path.isEmpty() ? "?" : path.substring(1);
    }

    private static JsonSchema jsonSchema(String resource) {
        try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
