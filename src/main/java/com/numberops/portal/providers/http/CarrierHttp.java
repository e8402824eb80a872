package com.numberops.portal.providers.http;

import java.net.http.HttpClient;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import com.numberops.portal.providers.ProvidersProperties;

/**
 * Builds the RestClient behind each carrier's HTTP interface: connect and read timeouts on every
 * call, every attempt timed by carrier and status ({@link CarrierCallTimer}), the API's error
 * translation on every 4xx/5xx, and a proxy of the {@code @HttpExchange}
 * interface on top.
 */
public final class CarrierHttp {

	private CarrierHttp() {
	}

	public static RestClient.Builder restClient(ProvidersProperties.Http http, String baseUrl, CarrierErrors errors) {
		return RestClient.builder()
			.baseUrl(baseUrl)
			.requestFactory(requestFactory(http))
			// first, so that it times what the carrier's own interceptors add (authentication) too
			.requestInterceptor(new CarrierCallTimer(errors.provider()))
			.defaultStatusHandler(HttpStatusCode::isError, errors::raise);
	}

	/** The connect and read timeouts alone, for clients that read their answers their own way (OAuth2 token calls). */
	public static ClientHttpRequestFactory requestFactory(ProvidersProperties.Http http) {
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(http.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(http.readTimeout());
		return requests;
	}

	public static <T> T httpInterface(RestClient client, Class<T> api) {
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client)).build().createClient(api);
	}
}
