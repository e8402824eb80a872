package com.numberops.portal.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.numberops.portal.users.NewUser;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Role;
import com.numberops.portal.users.UserAdministration;
import com.numberops.portal.users.UserAdministration.UserRow;

/**
 * Base of every browser test: the portal's one shared Spring context (see
 * {@link PortalIntegrationTest}), the JVM's one shared Chromium ({@link SharedBrowser}), and per
 * test a fresh {@link BrowserContext} (no cookies carried over) with one {@link Page} whose base
 * URL is the running portal. A failing test leaves a screenshot named {@code …-FAILED.png}.
 */
@ExtendWith({ SharedBrowser.class, BrowserTest.ScreenshotOnFailure.class })
public abstract class BrowserTest extends PortalIntegrationTest {

	/** The password of the sandbox demo users (see {@link TestDatabase}). */
	protected static final String DEMO_PASSWORD = "demo";

	protected static final List<String> ADMIN_NAVIGATION = List.of("DASHBOARD", "NUMBERS", "APPROVALS", "SYNC",
			"CHANGES", "ADMIN");

	protected static final List<String> MEMBER_NAVIGATION = List.of("DASHBOARD", "NUMBERS", "SYNC", "CHANGES");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@LocalServerPort
	private int port;

	@Autowired
	protected UserAdministration userAdministration;

	@Autowired
	private UserDetailsService userDetails;

	protected BrowserContext context;

	protected Page page;

	/** What the browser refused under the Content-Security-Policy, from every page of the test. */
	private final List<String> policyViolations = new CopyOnWriteArrayList<>();

	@BeforeEach
	void openPage(Browser browser) {
		context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl()).setViewportSize(1280, 800));
		context.setDefaultTimeout(10_000);
		context.onConsoleMessage(message -> {
			if (message.text().contains("Content Security Policy")) {
				policyViolations.add(message.text());
			}
		});
		page = context.newPage();
	}

	/**
	 * A page that trips the Content-Security-Policy is broken for its users (the style or script
	 * is dropped), however well the rest of the test went: every browser test fails on one.
	 */
	@AfterEach
	void closePage() {
		if (context != null) {
			context.close();
		}
		assertThat(policyViolations).as("Content-Security-Policy violations in the browser console").isEmpty();
	}

	protected String baseUrl() {
		return "http://localhost:" + port;
	}

	/** The absolute address of a portal path, to compare with {@code page.url()}. */
	protected String url(String path) {
		return baseUrl() + path;
	}

	/**
	 * Signs in through the login form and waits until the portal answered (the dashboard, the page
	 * asked for before, or the login page again with an error). Asserts nothing: callers do.
	 */
	protected void login(String username, String password) {
		page.navigate("/login");
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		String loginPage = url("/login");
		page.locator("#login-form button[type=submit]").click();
		page.waitForURL(address -> !address.equals(loginPage));
	}

	/** Signs in and checks that it worked: the main navigation is shown. */
	protected void loginSuccessfully(String username, String password) {
		login(username, password);
		assertThat(page.locator("#main-nav")).isVisible();
	}

	/** A full-page PNG under target/screenshots/, named after the test class and {@code name}. */
	protected Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
		Path file = SCREENSHOTS.resolve(getClass().getSimpleName() + "-" + name + ".png");
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
		return file;
	}

	/** The main navigation's links. */
	protected Locator navigationLinks() {
		return page.locator("#main-nav a.nav-link[data-section]");
	}

	/** Waits until the main navigation shows exactly these sections, in this order. */
	protected void assertNavigation(List<String> sections) {
		Locator links = navigationLinks();
		assertThat(links).hasCount(sections.size());
		for (int i = 0; i < sections.size(); i++) {
			assertThat(links.nth(i)).hasAttribute("data-section", sections.get(i));
		}
		@SuppressWarnings("unchecked")
		List<String> shown = (List<String>) links.evaluateAll("links => links.map(link => link.dataset.section)");
		assertThat(shown).containsExactlyElementsOf(sections);
	}

	/** A username no other test (or earlier run on the same schema) uses. */
	protected static String uniqueUsername(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Creates a user through the application's own admin service, as an admin would. */
	protected UserRow createUser(String username, Role role, String password) {
		return asAdmin(() -> userAdministration
			.create(new NewUser(username, "Test " + username, role, password, Set.of())));
	}

	/** The user as the Users page would show it now. */
	protected UserRow userRow(long id) {
		return asAdmin(() -> userAdministration.user(id));
	}

	/** Runs a call of the admin-only {@link UserAdministration} under an admin security context. */
	protected <T> T asAdmin(Supplier<T> call) {
		// the demo admin itself: user administration works within the signed-in admin's teams
		return SignedIn.during((PortalPrincipal) userDetails.loadUserByUsername("admin"), call);
	}

	/** Runs before {@code @AfterEach} (so the page is still open): a screenshot of what went wrong. */
	static final class ScreenshotOnFailure implements AfterTestExecutionCallback {

		@Override
		public void afterTestExecution(ExtensionContext extension) {
			if (extension.getExecutionException().isEmpty()) {
				return;
			}
			extension.getTestInstance().filter(BrowserTest.class::isInstance).map(BrowserTest.class::cast)
				.ifPresent(test -> {
					if (test.page != null && !test.page.isClosed()) {
						try {
							test.screenshot(extension.getRequiredTestMethod().getName() + "-FAILED");
						}
						catch (RuntimeException ignored) {
							// the failure itself is what matters
						}
					}
				});
		}
	}
}
