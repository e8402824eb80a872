package com.numberops.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.ElementsWithoutRelationships;

/**
 * The portal's modules (each direct subpackage of {@code com.numberops.portal}) as Spring Modulith
 * sees them in the compiled classes: no cycle between modules, and no module reaching into another's
 * subpackages except through what that module exposes (its top-level package, or a type it names
 * with {@code @NamedInterface}). Plain JUnit: no Spring context, no database.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(PortalApplication.class);

	static final Path DIAGRAMS = Path.of("docs/modules");

	@Test
	void modulesHaveNoCyclesAndUseOnlyWhatOthersExpose() {
		MODULES.verify();
	}

	/**
	 * The diagrams of docs/architecture.md (C4 PlantUML), drawn afresh from the code on every test
	 * run, so a change of the modules shows up as a change of these files. A module that uses none
	 * and that none uses (the dashboard) is drawn too, and docs/architecture.md names every module.
	 */
	@Test
	void drawsTheModules() throws IOException {
		Path drawn = Path.of("target/modules-drawn");
		DiagramOptions diagrams = DiagramOptions.defaults()
			.withElementsWithoutRelationships(ElementsWithoutRelationships.VISIBLE);
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(drawn.toString()))
			.writeModulesAsPlantUml(diagrams)
			.writeIndividualModulesAsPlantUml(diagrams);
		Files.createDirectories(DIAGRAMS);
		Set<Path> names = names(drawn);
		for (Path gone : names(DIAGRAMS)) {
			if (!names.contains(gone)) {
				Files.delete(DIAGRAMS.resolve(gone));
			}
		}
		for (Path name : names) {
			String diagram = inStableOrder(Files.readString(drawn.resolve(name)));
			Path target = DIAGRAMS.resolve(name);
			if (!Files.exists(target) || !Files.readString(target).equals(diagram)) {
				Files.writeString(target, diagram);
			}
		}
		List<String> modules = MODULES.stream().map(module -> module.getIdentifier().toString()).toList();
		assertThat(modules).contains("system", "numbers", "sandbox");
		assertThat(names).contains(Path.of("components.puml"));
		modules.forEach(module -> assertThat(names).contains(Path.of("module-" + module + ".puml")));
		assertThat(Files.readString(DIAGRAMS.resolve("components.puml")))
			.contains(MODULES.stream().map(module -> "\"" + module.getDisplayName() + "\"").toList());
		assertThat(Files.readString(Path.of("docs/architecture.md")))
			.contains(modules.stream().map(module -> "| `" + module + "` |").toList());
	}

	/**
	 * Structurizr lists a diagram's modules and relationships in hash order, another one on each
	 * run; sorted, the files change only when the modules do.
	 */
	static String inStableOrder(String plantUml) {
		List<String> lines = new ArrayList<>();
		List<String> run = new ArrayList<>();
		String kind = "";
		for (String line : plantUml.lines().toList()) {
			String lineKind = line.strip().startsWith("Component(") ? "Component" : line.startsWith("Rel(") ? "Rel" : "";
			if (!lineKind.equals(kind)) {
				run.sort(null);
				lines.addAll(run);
				run.clear();
				kind = lineKind;
			}
			if (lineKind.isEmpty()) {
				lines.add(line);
			}
			else {
				run.add(line);
			}
		}
		run.sort(null);
		lines.addAll(run);
		return String.join("\n", lines) + "\n";
	}

	private static Set<Path> names(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(file -> file.toString().endsWith(".puml"))
				.map(Path::getFileName)
				.collect(Collectors.toSet());
		}
	}
}
