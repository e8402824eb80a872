package com.numberops.portal.users;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.expression.WebExpressionAuthorizationManager;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.security.web.session.SessionInformationExpiredEvent;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequestHeader;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponseHeader;
import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;

import com.numberops.portal.system.ForAdminsOfEveryTeam;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(UsersProperties.class)
class SecurityConfiguration {

	/** Our own scripts and styles only; no inline code, no framing, no plugins. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private static final RequestMatcher HTMX_REQUEST = new RequestHeaderRequestMatcher(HtmxRequestHeader.HX_REQUEST.getValue());

	private static final WebExpressionAuthorizationManager ADMIN_OF_EVERY_TEAM = new WebExpressionAuthorizationManager(
			ForAdminsOfEveryTeam.RULE);

	/** A browser asking for a page; a client that takes anything (curl, scripts, no Accept at all) is not one. */
	private static final RequestMatcher BROWSER_PAGE = browserPage();

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityFilterChain portalSecurity(HttpSecurity http, LoginAttemptService loginAttempts,
			SessionRegistry sessionRegistry, UserDetailsService users, PasswordEncoder passwordEncoder)
			throws Exception {
		// the only way in: no parent manager that could try the password again around the throttle
		http.authenticationManager(new ProviderManager(new ThrottledAuthentication(users, passwordEncoder, loginAttempts)));
		http.authorizeHttpRequests(requests -> {
			// error pages and forwards render for whoever reached them (the 403 page itself, a 404)
			requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll();
			requests.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico")
				.permitAll();
			requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
			// the metrics count every team's numbers
			requests.requestMatchers("/actuator/**").access(ADMIN_OF_EVERY_TEAM);
			for (Section section : Section.mostSpecificFirst()) {
				if (section.forAdminsOfEveryTeam()) {
					requests.requestMatchers(section.urlPatterns()).access(ADMIN_OF_EVERY_TEAM);
				}
				else {
					requests.requestMatchers(section.urlPatterns()).hasRole(section.requiredRole().name());
				}
			}
			requests.anyRequest().authenticated();
		});
		http.formLogin(form -> form.loginPage("/login")
			.successHandler(new ResettingSuccessHandler(loginAttempts))
			.failureHandler(SecurityConfiguration::loginRefused)
			.permitAll());
		http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll());
		http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
			// every session is registered, so disabling a user or resetting a password ends theirs
			.maximumSessions(-1)
			.sessionRegistry(sessionRegistry)
			.expiredSessionStrategy(SecurityConfiguration::sessionEnded));
		http.requestCache(cache -> cache.requestCache(pageRequestCache()));
		http.exceptionHandling(errors -> errors.authenticationEntryPoint(signInFirst())
			// an htmx POST on an expired session is refused by the CSRF check before it reaches the
			// entry point: it carries the old page's token, which the new, empty session does not know
			.accessDeniedHandler(htmxAwareAccessDeniedHandler()));
		http.headers(headers -> {
			headers.defaultsDisabled();
			SecurityHeaders.WRITERS.forEach(headers::addHeaderWriter);
		});
		http.addFilterBefore(SecurityHeaders.onErrorDispatch(), HeaderWriterFilter.class);
		return http.build();
	}

	/**
	 * A request without a session, answered for the client that sent it: htmx reloads the whole
	 * page (to the login) instead of swapping the login form into a fragment; a browser's page goes
	 * to the login; any other client (an API client, curl, a script) is told 401, not signed in,
	 * rather than 403, refused, or a login form it cannot use.
	 */
	private static AuthenticationEntryPoint signInFirst() {
		return DelegatingAuthenticationEntryPoint.builder()
			.addEntryPointFor(new HxRefreshHeaderAuthenticationEntryPoint(), HTMX_REQUEST)
			.addEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), BROWSER_PAGE)
			.defaultEntryPoint((request, response, notSignedIn) -> response.sendError(HttpServletResponse.SC_UNAUTHORIZED,
					"Sign in first: this address needs a signed-in session."))
			.build();
	}

	/**
	 * A request Spring Security's firewall refuses (an encoded slash, period or percent sign, a
	 * backslash, a NUL...) is a 400 drawn like every other error, on the portal's error page or as
	 * problem details, saying why.
	 */
	@Bean
	static RequestRejectedHandler requestRejectedHandler() {
		return (request, response, rejected) -> response.sendError(HttpServletResponse.SC_BAD_REQUEST,
				"This address has characters the portal refuses in addresses, such as an encoded slash, "
						+ "period or percent sign.");
	}

	/**
	 * htmx requests refused by the CSRF check: the htmx library's entry point answers 403 with
	 * {@code HX-Refresh: true}, so htmx reloads the whole page (to the login when the session is
	 * gone, with a fresh token otherwise). Any other refusal keeps the plain 403 (page, or the
	 * toast htmx shows).
	 */
	private static AccessDeniedHandler htmxAwareAccessDeniedHandler() {
		AccessDeniedHandler plain = new AccessDeniedHandlerImpl();
		AuthenticationEntryPoint reload = new HxRefreshHeaderAuthenticationEntryPoint();
		// one handler deciding for itself: Spring Security applies a lone
		// defaultAccessDeniedHandlerFor(...) to every request, whatever its matcher
		return (request, response, denied) -> {
			if (denied instanceof CsrfException && HTMX_REQUEST.matches(request)) {
				reload.commence(request, response, new InsufficientAuthenticationException(denied.getMessage(), denied));
				return;
			}
			plain.handle(request, response, denied);
		};
	}

	/** After sign-in, go back to the page that was asked for, never to an htmx fragment. */
	private static HttpSessionRequestCache pageRequestCache() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		// nor the request of a client that is answered 401: it gets no session for it
		cache.setRequestMatcher(new AndRequestMatcher(BROWSER_PAGE, new NegatedRequestMatcher(HTMX_REQUEST)));
		return cache;
	}

	private static RequestMatcher browserPage() {
		MediaTypeRequestMatcher page = new MediaTypeRequestMatcher(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML);
		page.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		return page;
	}

	/** A session an admin ended: htmx reloads the whole page (to the login), a page goes there itself. */
	private static void sessionEnded(SessionInformationExpiredEvent event) throws IOException {
		HttpServletRequest request = event.getRequest();
		HttpServletResponse response = event.getResponse();
		if (HTMX_REQUEST.matches(request)) {
			// not the library's HxRefreshHeaderAuthenticationEntryPoint: that one always answers 403
			// (Http403ForbiddenEntryPoint), and an ended session is "sign in again", a 401; the
			// library offers no other way to ask for a refresh outside a controller, so its header
			// name is set here, once
			response.setHeader(HtmxResponseHeader.HX_REFRESH.getValue(), "true");
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		response.sendRedirect(request.getContextPath() + "/login?error=" + LoginError.ENDED.code());
	}

	/**
	 * A request Tomcat refuses itself (a NUL in the path) is answered by the host's error report
	 * valve before any filter runs: ours writes the portal's page or problem details with the same
	 * headers ({@link ContainerErrorReport}).
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrorReport() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ContainerErrorReport.class.getName());
			}
		});
	}

	/**
	 * Sessions live in the database (Spring Session JDBC, V24), shared by every portal instance: the
	 * registry finds a user's sessions there by principal name, so ending them (a disabled user, a
	 * reset password) reaches every instance, and each instance's ConcurrentSessionFilter sees the
	 * mark on its next request.
	 */
	@Bean
	SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}

	/**
	 * A session attribute is written with PostgreSQL's upsert: two requests of one session at once
	 * (htmx, two tabs, two instances) that both add the same attribute, such as the flashed toast,
	 * otherwise both INSERT it and one fails with a duplicate key, a 500 (TwoPortalsTests).
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpserted() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return Role.hierarchy();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	private static final class ResettingSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

		private final LoginAttemptService loginAttempts;

		ResettingSuccessHandler(LoginAttemptService loginAttempts) {
			this.loginAttempts = loginAttempts;
		}

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws IOException, jakarta.servlet.ServletException {
			loginAttempts.recordSuccess(authentication.getName());
			super.onAuthenticationSuccess(request, response, authentication);
		}
	}

	/** Tells the login page which message to show; {@link ThrottledAuthentication} decided it. */
	private static void loginRefused(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		LoginError error = LoginError.BAD_CREDENTIALS;
		if (exception instanceof LockedException) {
			error = LoginError.LOCKED;
		}
		else if (exception instanceof DisabledException) {
			error = LoginError.DISABLED;
		}
		response.sendRedirect(request.getContextPath() + "/login?error=" + error.code());
	}
}
