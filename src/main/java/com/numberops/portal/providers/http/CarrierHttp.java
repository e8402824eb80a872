package com.numberops.portal.providers.http;

import java.net.http.HttpClient;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import com.numberops.portal.providers.ProvidersProperties;

/**
 * Builds the RestClient behind each carrier's HTTP interface: connect and read timeouts on every
 * call, the API's error translation on every 4xx/5xx, and a proxy of the {@code @HttpExchange}
 * interface on top.
 */
public final class CarrierHttp {

	private CarrierHttp() {
	}

	public static RestClient.Builder restClient(ProvidersProperties.Http http, String baseUrl, CarrierErrors errors) {
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(http.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(http.readTimeout());
		return RestClient.builder()
			.baseUrl(baseUrl)
			.requestFactory(requests)
			.defaultStatusHandler(HttpStatusCode::isError, errors::raise);
	}

	public static <T> T httpInterface(RestClient client, Class<T> api) {
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client)).build().createClient(api);
	}
}
