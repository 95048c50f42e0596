package travel.amur.itinerary.webhook.infrastructure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import travel.amur.common.config.RepeatingTask;
import travel.amur.itinerary.webhook.application.Delivering;
import travel.amur.itinerary.webhook.application.WebhookPolicy;

/** Sends due webhook deliveries every {@code amur.webhooks.scan-interval}, in every instance. */
@Configuration(proxyBeanMethods = false)
class DeliveryJob {

    @Bean
    RepeatingTask webhookDeliveries(Delivering delivering, WebhookPolicy policy) {
        return new RepeatingTask("delivering webhooks", policy.scanInterval(), policy.scanInterval(),
                delivering::deliverDue);
    }
}
