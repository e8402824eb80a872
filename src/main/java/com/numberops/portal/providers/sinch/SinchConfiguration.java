package com.numberops.portal.providers.sinch;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.providers.SandboxAddress;

import tools.jackson.databind.json.JsonMapper;

/**
 * The Sinch adapters, from {@code portal.providers.sinch} (SINCH_* variables): the real Sinch with
 * a key id, else the built-in sandbox. The sandbox's address is asked for on the first call only.
 */
@Configuration(proxyBeanMethods = false)
class SinchConfiguration {

	@Bean
	SinchAccount sinchAccount(ProvidersProperties providers, ObjectProvider<SandboxAddress> sandboxAddress) {
		return SinchAccount.of(providers.sinch(), providers.http(), sandboxAddress::getObject);
	}

	@Bean
	SinchActiveNumbers sinchActiveNumbers(SinchAccount account, ProvidersProperties providers, JsonMapper json) {
		return new SinchActiveNumbers(account, providers.sinch().regions(), providers.sinch().types(), providers.http(),
				json);
	}

	@Bean
	SinchImportedNumbers sinchImportedNumbers(SinchAccount account, ProvidersProperties providers, JsonMapper json) {
		return new SinchImportedNumbers(account, providers.sinch().importedScopes(), providers.http(), json);
	}
}
