package com.numberops.portal.sandbox.sinch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallbackTargetsUnitTest {

	static final List<String> OWN = List.of("http://localhost:8080/webhooks/sinch");

	static final List<String> HOSTS = List.of("hooks.example.com", " Callbacks.Example.org ");

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			http://localhost:8080/webhooks/sinch             | true
			HTTP://LOCALHOST:8080/webhooks/sinch             | true
			http://localhost:8080/webhooks/sinch?x=1         | false
			http://localhost:8080/webhooks/sinch#f           | false
			http://localhost:8080/webhooks/sinch/../../admin | false
			http://localhost:8081/webhooks/sinch             | false
			https://localhost:8080/webhooks/sinch            | false
			http://localhost:8080/actuator/health            | false
			http://localhost/webhooks/sinch                  | false
			http://127.0.0.1:8080/webhooks/sinch             | false
			http://[::1]:8080/webhooks/sinch                 | false
			http://10.0.0.7/webhooks/sinch                   | false
			http://169.254.169.254/latest/meta-data/         | false
			http://user@localhost:8080/webhooks/sinch        | false
			http://localhost:8080@evil.example/webhooks/sinch | false
			https://hooks.example.com/anything?x=1           | true
			http://HOOKS.example.com:9000/                   | true
			https://callbacks.example.org/cb                 | true
			https://hooks.example.com.evil.example/cb        | false
			https://evil.example/hooks.example.com           | false
			ftp://hooks.example.com/cb                       | false
			//hooks.example.com/cb                           | false
			not a url                                        | false
			""")
	void onlyTheOwnWebhookOrAnAllowedHost(String url, boolean allowed) {
		assertThat(CallbackTargets.allowed(url, OWN, HOSTS)).isEqualTo(allowed);
	}
}
