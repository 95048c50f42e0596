package travel.amur.common.config;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import reactor.util.context.ContextView;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;
import travel.amur.common.event.CurrentTrace;
import travel.amur.common.event.EventCodec;
import travel.amur.common.web.ProblemResponses;
import travel.amur.common.web.ProblemWebExceptionHandler;

/**
 * What every Amur application shares: the clock, the event codec, RFC 9457 errors and how API documents describe
 * authentication.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
public class AmurCoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * JSON is read as written: no number read as a date ({@code "entryDate": 12} was epoch day 12), no string read as
     * a number or a boolean, no number as a string, an enum or a boolean. Such input is a 400 naming the field.
     */
    @Bean
    JsonMapperBuilderCustomizer strictJsonTypes() {
        return builder -> builder
                .withCoercionConfig(LogicalType.DateTime, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec(JsonMapper json, Clock clock, Environment environment, ObjectProvider<CurrentTrace> trace) {
        return new EventCodec(json, clock, "/amur/" + environment.getProperty("spring.application.name", "unknown"),
                trace.getIfAvailable(() -> CurrentTrace.NONE));
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnMissingBean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnMissingBean
    ProblemWebExceptionHandler problemWebExceptionHandler(ProblemResponses responses) {
        return new ProblemWebExceptionHandler(responses);
    }

    /** How every service's OpenAPI document says callers authenticate: through the gateway. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.swagger.v3.oas.models.OpenAPI")
    static class ApiDocuments {

        @Bean
        @ConditionalOnMissingBean
        OpenAPI amurOpenApi(Environment environment) {
            String service = environment.getProperty("spring.application.name", "amur");
            return new OpenAPI()
                    .info(new Info().title("Amur " + service).version("v1").description(
                            "Part of Amur, the booking platform for trips across the China-Russia border. Call it"
                                    + " through the gateway with `X-API-Key` (agencies) or `Authorization: Bearer`"
                                    + " (mobile apps); the gateway sets `X-Agency-Id` for the service. Errors are"
                                    + " RFC 9457 problems."))
                    .components(new Components()
                            .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                    .in(SecurityScheme.In.HEADER).name("X-API-Key"))
                            .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer").bearerFormat("JWT")))
                    .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                    .addSecurityItem(new SecurityRequirement().addList("bearer"));
        }
    }

    /** Where Micrometer Tracing runs (every service), events carry the trace of the work that wrote them. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.tracing.Tracer")
    static class EventTracing {

        @Bean
        @ConditionalOnMissingBean
        CurrentTrace currentTrace(ObjectProvider<io.micrometer.tracing.Tracer> tracers) {
            return new CurrentTrace() {
                @Override
                public String traceparent() {
                    io.micrometer.tracing.Tracer tracer = tracers.getIfAvailable();
                    return tracer == null ? null : format(tracer.currentSpan());
                }

                @Override
                public String traceparent(ContextView context) {
                    Object observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
                    if (observation instanceof Observation current) {
                        TracingObservationHandler.TracingContext tracing = current.getContextView()
                                .get(TracingObservationHandler.TracingContext.class);
                        if (tracing != null && tracing.getSpan() != null) {
                            return format(tracing.getSpan());
                        }
                    }
                    return traceparent();
                }
            };
        }

        private static String format(io.micrometer.tracing.Span span) {
            if (span == null) {
                return null;
            }
            var context = span.context();
            return "00-" + context.traceId() + "-" + context.spanId() + "-"
                    + (Boolean.FALSE.equals(context.sampled()) ? "00" : "01");
        }
    }
}
