package com.numberops.portal.providers;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Where the sandbox answers: the portal's own HTTP port, known only once the server started
 * (tests run on a random port). Adapters in sandbox mode ask it for their base URL. It belongs to
 * providers, which decide when a carrier is simulated and with which credentials; the sandbox
 * builds on them and asks it for the portal's own webhook address.
 */
@Component
public class SandboxAddress implements ApplicationListener<WebServerInitializedEvent> {

	private volatile int port = -1;

	private volatile String contextPath = "";

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		this.port = event.getWebServer().getPort();
		this.contextPath = event.getApplicationContext().getEnvironment().getProperty("server.servlet.context-path", "");
	}

	/** E.g. {@code http://localhost:8080/sandbox/sinch}. */
	public String url(String root) {
		return portalUrl("/sandbox/" + root);
	}

	/** A path of the portal itself on the same server, e.g. {@code http://localhost:8080/webhooks/sinch}. */
	public String portalUrl(String path) {
		if (port < 0) {
			throw new IllegalStateException("The web server has not started yet; the sandbox has no address");
		}
		return "http://localhost:" + port + contextPath + path;
	}
}
