package org.openkiosk.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.openkiosk.app.certificate.CertificateKeys;
import org.openkiosk.app.config.ConfigException;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.FleetSettings;
import org.openkiosk.app.maintenance.versions.ConfigBundle;
import org.openkiosk.app.maintenance.versions.ConfigVersions;
import org.openkiosk.app.runtime.KioskConfiguration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiosk config apply BUNDLE}: a signed configuration bundle, checked whole, replaces the live one (ADR 0126). */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Replace the configuration directory with a signed configuration bundle (made by "
                + "`kiosk config bundle`). The signature must be by a trusted operator key (fleet.operatorKeys of the "
                + "live configuration, or --trust); the bundle's directory is validated as a whole like "
                + "`kiosk config validate`. Only then is it swapped in, in one step; the previous version is kept "
                + "(`kiosk config rollback`). Restart the kiosk afterwards: if it does not start with the new "
                + "configuration, the previous one is put back at the next start."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:applied", "2:bundle rejected (signature, key, contents) or invalid: nothing replaced"})
public final class ConfigApplyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "the bundle (.zip) to apply")
    Path bundle;

    @Option(names = "--trust", paramLabel = "ID.public.pem",
            description = "also trust this operator public key (the first bundle of a kiosk without fleet.operatorKeys)")
    List<Path> trust = new ArrayList<>();

    @Mixin
    DirectoryOptions dirs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path configDir = dirs.configDirectory();
        ConfigVersions versions = new ConfigVersions(configDir, dirs.dataDirectory(), Clock.systemUTC());
        ConfigBundle read;
        try {
            read = ConfigBundle.read(bundle);
            read.verify(trustedKeys(configDir, err));
        } catch (IOException | ConfigBundle.BundleRejected e) {
            err.println("kiosk: bundle rejected, nothing replaced: " + e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
        Path staging = versions.freshStaging();
        read.extractTo(staging);
        try {
            KioskConfiguration.load(staging);
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println(p));
            err.println("configuration INVALID: " + e.problems().size() + " problem(s) in bundle " + read.version()
                    + "; nothing replaced");
            versions.freshStaging();
            return ExitCodes.BAD_CONFIGURATION;
        }
        ConfigVersions.Version installed = versions.install(staging);
        out.println("applied configuration " + read.version() + " (signed by " + read.keyId() + ") as version "
                + installed + " in " + configDir + "; earlier versions kept in " + versions.store());
        out.println("restart the kiosk (systemctl restart openkiosk-session, or openkiosk); if it does not start with "
                + "this configuration the previous one is put back at the next start");
        return ExitCodes.OK;
    }

    /** The live configuration's operator keys (its fleet.operatorKeys) and any given with --trust. */
    private Map<String, PublicKey> trustedKeys(Path configDir, PrintWriter err) throws IOException {
        Map<String, PublicKey> keys = new TreeMap<>();
        List<Path> files = new ArrayList<>(trust);
        try {
            ConfigLoader.load(configDir).fleet().map(FleetSettings::operatorKeys).ifPresent(files::addAll);
        } catch (ConfigException e) {
            err.println("kiosk: the live configuration has problems; only --trust keys are trusted");
        }
        for (Path file : files) {
            keys.put(CertificateKeys.keyIdOf(file), CertificateKeys.readPublic(file));
        }
        return keys;
    }
}
