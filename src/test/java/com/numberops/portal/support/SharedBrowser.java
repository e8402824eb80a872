package com.numberops.portal.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * One Playwright and one headless Chromium for the whole test JVM. Started the first time a test
 * asks for a {@link Browser}, kept in the root extension store, and closed by JUnit (as an
 * {@link AutoCloseable}) when the whole run ends. Each test opens its own {@code BrowserContext}
 * on it, so tests share the browser process but no cookies or storage.
 */
public final class SharedBrowser implements ParameterResolver {

	/** The system Chromium (RECIPE.md): Playwright downloads no browser here. */
	static final Path CHROMIUM = Path.of(System.getProperty("portal.chromium", "/usr/bin/chromium"));

	static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
			"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
			"--disable-quic");

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedBrowser.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
		return parameter.getParameter().getType() == Browser.class;
	}

	@Override
	public Browser resolveParameter(ParameterContext parameter, ExtensionContext extension) {
		return extension.getRoot().getStore(NAMESPACE).computeIfAbsent(Running.class, key -> Running.start(), Running.class)
			.browser();
	}

	/** The Playwright driver and its browser; closing it ends both. */
	record Running(Playwright playwright, Browser browser) implements AutoCloseable {

		static Running start() {
			Playwright playwright = Playwright
				.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
			try {
				Browser browser = playwright.chromium()
					.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
						.setHeadless(true)
						.setArgs(CHROMIUM_ARGS));
				return new Running(playwright, browser);
			}
			catch (RuntimeException failure) {
				playwright.close();
				throw failure;
			}
		}

		@Override
		public void close() {
			try {
				browser.close();
			}
			finally {
				playwright.close();
			}
		}
	}
}
