package com.numberops.portal.providers.flowroute;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.numberops.portal.providers.ProvidersProperties;

/** Where the adapter connects: the real Flowroute only with credentials, else the sandbox. */
class FlowrouteConfigurationUnitTest {

	static final String SANDBOX = "http://localhost:8080/sandbox/flowroute";

	@Test
	void withoutCredentialsTheSandbox() {
		assertThat(FlowrouteConfiguration.baseUrl(new ProvidersProperties.Flowroute("", "", ""), () -> SANDBOX))
			.isEqualTo(SANDBOX);
	}

	@Test
	void withCredentialsApiFlowrouteCom() {
		assertThat(FlowrouteConfiguration.baseUrl(new ProvidersProperties.Flowroute("key", "secret", ""), () -> {
			throw new AssertionError("the sandbox is not asked in live mode");
		})).isEqualTo("https://api.flowroute.com");
	}

	@Test
	void anExplicitBaseUrlWinsEitherWay() {
		assertThat(FlowrouteConfiguration.baseUrl(new ProvidersProperties.Flowroute("key", "secret", "https://staging"),
				() -> SANDBOX)).isEqualTo("https://staging");
		assertThat(FlowrouteConfiguration.baseUrl(new ProvidersProperties.Flowroute("", "", "https://staging"),
				() -> SANDBOX)).isEqualTo("https://staging");
	}

	@Test
	void secretsStayOutOfToString() {
		assertThat(new ProvidersProperties.Flowroute("key", "top-secret", "").toString()).doesNotContain("top-secret");
	}
}
