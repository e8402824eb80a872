package com.numberops.portal.users;

import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

/**
 * The security headers of every answer, in one list that both places writing them use: Spring
 * Security's own header filter, on a request's own dispatch, and {@link #onErrorDispatch()}, on
 * the container's ERROR dispatch to /error. Spring Security writes its headers on a request's own
 * dispatch only, so an error refused before its filters ran (its firewall, a filter in front of it)
 * or by the container would be drawn without them.
 */
final class SecurityHeaders {

	/** Spring Security's defaults (HSTS only over HTTPS), then ours; each writes its header only when it is not set. */
	static final List<HeaderWriter> WRITERS = List.of(new XContentTypeOptionsHeaderWriter(),
			new XXssProtectionHeaderWriter(), new CacheControlHeadersWriter(), new HstsHeaderWriter(),
			new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
			new ContentSecurityPolicyHeaderWriter(SecurityConfiguration.CONTENT_SECURITY_POLICY),
			new ReferrerPolicyHeaderWriter(ReferrerPolicy.SAME_ORIGIN));

	private SecurityHeaders() {
	}

	/** The same headers, written before the error page is drawn, on ERROR dispatches only. */
	static HeaderWriterFilter onErrorDispatch() {
		ErrorDispatchHeaders filter = new ErrorDispatchHeaders();
		filter.setShouldWriteHeadersEagerly(true);
		return filter;
	}

	private static final class ErrorDispatchHeaders extends HeaderWriterFilter {

		ErrorDispatchHeaders() {
			super(WRITERS);
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return request.getDispatcherType() != DispatcherType.ERROR;
		}

		@Override
		protected boolean shouldNotFilterErrorDispatch() {
			return false;
		}
	}
}
