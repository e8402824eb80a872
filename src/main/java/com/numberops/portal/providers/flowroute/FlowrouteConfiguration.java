package com.numberops.portal.providers.flowroute;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.providers.SandboxAddress;

import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class FlowrouteConfiguration {

	static final String LIVE_BASE_URL = "https://api.flowroute.com";

	/** Always there: with credentials it talks to Flowroute, without them to the built-in sandbox. */
	@Bean
	FlowrouteNumbers flowrouteNumbers(ProvidersProperties providers, ObjectProvider<SandboxAddress> sandbox,
			JsonMapper json) {
		ProvidersProperties.Flowroute account = providers.flowroute();
		return new FlowrouteNumbers(account, providers.http(),
				() -> baseUrl(account, () -> sandbox.getObject().url("flowroute")), json, List.of());
	}

	/**
	 * FLOWROUTE_BASE_URL when set; else api.flowroute.com with credentials, the sandbox without.
	 * Asked on the first call: the sandbox's address exists only once the web server runs.
	 */
	static String baseUrl(ProvidersProperties.Flowroute account, Supplier<String> sandbox) {
		if (!account.baseUrl().isBlank()) {
			return account.baseUrl();
		}
		return account.live() ? LIVE_BASE_URL : sandbox.get();
	}
}
