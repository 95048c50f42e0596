package travel.amur.common.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** Makes the test's auto-configured WebTestClient hold every response against the API document. */
@TestConfiguration(proxyBeanMethods = false)
public class ApiContractClients {

    @Bean
    WebTestClientBuilderCustomizer apiContract() {
        return builder -> builder.filter(ApiContract.validating());
    }
}
