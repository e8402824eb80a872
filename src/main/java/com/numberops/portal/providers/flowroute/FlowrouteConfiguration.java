package com.numberops.portal.providers.flowroute;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.sandbox.SandboxAddress;

import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class FlowrouteConfiguration {

	static final String LIVE_BASE_URL = "https://api.flowroute.com";

	/**
	 * Always there: with credentials it talks to Flowroute (or FLOWROUTE_BASE_URL), without them
	 * to the built-in sandbox, whose address is looked up on the first call.
	 */
	@Bean
	FlowrouteNumbers flowrouteNumbers(ProvidersProperties providers, ObjectProvider<SandboxAddress> sandbox,
			JsonMapper json) {
		ProvidersProperties.Flowroute account = providers.flowroute();
		Supplier<String> baseUrl = () -> {
			if (!account.baseUrl().isBlank()) {
				return account.baseUrl();
			}
			return account.live() ? LIVE_BASE_URL : sandbox.getObject().url("flowroute");
		};
		return new FlowrouteNumbers(account, providers.http(), baseUrl, json, List.of());
	}
}
