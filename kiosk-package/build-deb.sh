#!/usr/bin/env bash
# Builds the OpenKiosk app image (own Java runtime with JavaFX, made by jlink) and the .deb around it, from jars
# Maven has copied. Called by this module's pom at `package`; see docs/install.md and ADR 0121.
#   build-deb.sh LIB_DIR JAVAFX_PLATFORM DEB_ARCH VERSION OUT_DIR REPO_DIR [JMODS_DIR]
# JMODS_DIR defaults to the building JDK's jmods; for an arm64 package give an aarch64 JDK 17's jmods
# (jlink of the building JDK links them; the JDK versions must match).
set -euo pipefail
fx_platform="$2"; arch="$3"; version="$4"
lib="$(cd "$1" && pwd)"; out="$(cd "$5" && pwd)"; repo="$(cd "$6" && pwd)"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
jmods="${7:-$java_home/jmods}"
version="${version/-SNAPSHOT/~snapshot}"   # a Debian version sorts ~ before the release
here="$(cd "$(dirname "$0")" && pwd)"
[ -d "$jmods" ] || { echo "build-deb: no jmods in $jmods (install openjdk-17-jmods)" >&2; exit 1; }

stage="$out/deb-root"
app="$stage/opt/openkiosk"
rm -rf "$stage" "$out/javafx-modules"
mkdir -p "$app/lib" "$app/bin" "$out/javafx-modules"

# JavaFX: the platform jars are modular and go into the runtime; the empty "shell" jars are dropped.
for jar in "$lib"/*.jar; do
  name="$(basename "$jar")"
  case "$name" in
    javafx-*-"$fx_platform".jar) cp "$jar" "$out/javafx-modules/" ;;
    javafx-*) ;;
    *) cp "$jar" "$app/lib/" ;;
  esac
done
ls "$out"/javafx-modules/javafx-graphics-*.jar >/dev/null
# The CJK fonts as plain files in lib/fonts, out of their jar: JavaFX opens a file in place, while from a jar it copies
# each 10 MB font into a temporary file at every start (ADR 0179; BundledFonts finds them through kiosk.home).
fonts_jar="$(ls "$app"/lib/kiosk-fonts-*.jar)"
fonts_tmp="$(mktemp -d)"
(cd "$fonts_tmp" && jar xf "$fonts_jar")
mkdir -p "$app/lib/fonts"
mv "$fonts_tmp"/org/openkiosk/fonts/*.ttf "$app/lib/fonts/"
cp "$fonts_tmp"/org/openkiosk/fonts/OFL.txt "$app/lib/fonts/OFL.txt"
rm -f "$fonts_jar"
jar --create --no-manifest --file "$fonts_jar" -C "$fonts_tmp" .
rm -rf "$fonts_tmp"

# The runtime: the JDK modules the kiosk uses (jdeps plus what it loads by name: charsets for GB18030 receipts,
# locale data for Chinese dates, EC/PKCS#11 crypto for signing, zipfs for diagnostics) and JavaFX.
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting
modules+=,java.security.jgss,java.sql,java.transaction.xa,java.xml,jdk.charsets,jdk.crypto.ec,jdk.crypto.cryptoki
modules+=,jdk.httpserver,jdk.localedata,jdk.net,jdk.unsupported,jdk.zipfs,jdk.management
modules+=,javafx.base,javafx.graphics,javafx.controls,javafx.swing
jlink --module-path "$jmods:$out/javafx-modules" --add-modules "$modules" --include-locales=zh,en \
      --strip-debug --no-header-files --no-man-pages --compress=0 --output "$app/runtime"
# JavaFX looks for its native libraries next to the runtime's own; without this it would unpack them into
# ~/.openjfx at every first start (and the kiosk user's home is not writable under the unit's hardening).
for jar in "$out"/javafx-modules/*.jar; do
  libs="$(jar tf "$jar" | grep '\.so$' || true)"
  # shellcheck disable=SC2086
  [ -z "$libs" ] || (cd "$app/runtime/lib" && jar xf "$jar" $libs)
done
# Debian wants shared objects stripped and files 0644 unless executable (the JDK's legal files are 0444)
strip="${STRIP:-strip}"   # aarch64-linux-gnu-strip for an arm64 package
command -v "$strip" >/dev/null || { echo "build-deb: $strip (Debian package binutils) is missing" >&2; exit 1; }
find "$app/runtime" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jexec -o -name jspawnhelper \) \
     -exec "$strip" --strip-unneeded {} +
find "$app/runtime" -type f -exec chmod 0644 {} +
chmod 0755 "$app/runtime"/bin/* "$app/runtime/lib/jexec" "$app/runtime/lib/jspawnhelper"
# Class-data sharing archive of the runtime's own classes (start-up)
"$app/runtime/bin/java" -Xshare:dump >/dev/null 2>&1 || true
chmod 0644 "$app/runtime/lib/server/classes.jsa" 2>/dev/null || true

install -m 0755 "$here/src/deb/bin/kiosk" "$app/bin/kiosk"
install -m 0755 "$repo/packaging/session/kiosk-session" "$app/bin/kiosk-session"   # cage + the kiosk (ADR 0125)
install -m 0755 "$here/src/deb/bin/kiosk-cds" "$app/bin/kiosk-cds"
cp -r "$repo/config" "$app/config"                       # the demo's own configuration (kiosk demo)

# AppCDS (ADR 0127): a training run of the staged package lists the classes a start to the attract screen loads
# (JavaFX drawing on Xvfb where there is one, else the start-up check); the archive is dumped from this list at
# installation (kiosk-cds in postinst), because a JDK 17 archive holds the class path it was made with.
if [ "$arch" = "$(dpkg --print-architecture 2>/dev/null || echo none)" ]; then
  training="$(mktemp -d)"
  list_opts="-XX:+UseSerialGC -Xss512k -XX:DumpLoadedClassList=$app/lib/kiosk.classlist"
  if command -v xvfb-run >/dev/null; then
    KIOSK_DATA="$training" HOME="$training" KIOSK_CDS_ARCHIVE=none KIOSK_JAVA_OPTS="$list_opts" \
      xvfb-run -a -s "-screen 0 1920x1080x24" "$app/bin/kiosk" demo --windowed --screenshot "$training/first.png" \
      >"$training/log" 2>&1 || true
  fi
  if [ ! -s "$app/lib/kiosk.classlist" ]; then
    KIOSK_DATA="$training" HOME="$training" KIOSK_CDS_ARCHIVE=none KIOSK_JAVA_OPTS="$list_opts" \
      "$app/bin/kiosk" demo --check >"$training/log" 2>&1 || true
  fi
  [ -s "$app/lib/kiosk.classlist" ] || { echo "build-deb: the AppCDS training run failed:" >&2; tail -n 20 "$training/log" >&2; }
  rm -rf "$training"
fi
mkdir -p "$stage/etc/openkiosk" "$stage/lib/systemd/system" "$stage/usr/bin" "$stage/usr/share/doc/openkiosk/examples" \
         "$stage/etc/pam.d"
cp -r "$repo/config/." "$stage/etc/openkiosk/"           # the starting point a technician edits
install -m 0644 "$repo/packaging/systemd/openkiosk.service" "$stage/lib/systemd/system/openkiosk.service"
install -m 0644 "$repo/packaging/session/openkiosk-session.service" "$stage/lib/systemd/system/openkiosk-session.service"
install -m 0644 "$repo/packaging/session/openkiosk-session.pam" "$stage/etc/pam.d/openkiosk-session"
install -m 0644 "$repo/packaging/session/logind-openkiosk.conf" "$stage/usr/share/doc/openkiosk/examples/logind-openkiosk.conf"
ln -s /opt/openkiosk/bin/kiosk "$stage/usr/bin/kiosk"
install -m 0644 "$repo/docs/install.md" "$stage/usr/share/doc/openkiosk/install.md"
install -m 0644 "$here/src/deb/copyright" "$stage/usr/share/doc/openkiosk/copyright"
sed "s/@VERSION@/$version/" "$here/src/deb/changelog" | gzip -9n > "$stage/usr/share/doc/openkiosk/changelog.gz"

mkdir -p "$stage/DEBIAN"
for f in postinst prerm postrm; do install -m 0755 "$here/src/deb/DEBIAN/$f" "$stage/DEBIAN/$f"; done
(cd "$stage" && find etc -type f | sed 's|^|/|' | sort) > "$stage/DEBIAN/conffiles"
size="$(du -sk --exclude=DEBIAN "$stage" | cut -f1)"
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" "$here/src/deb/DEBIAN/control" \
    > "$stage/DEBIAN/control"
find "$stage" -type d -exec chmod 0755 {} +
find "$stage/etc" "$stage/usr/share" "$app/config" "$app/lib" -type f -exec chmod 0644 {} +

deb="$out/openkiosk_${version}_${arch}.deb"
fakeroot dpkg-deb -Zgzip -z6 --build "$stage" "$deb" >/dev/null
echo "build-deb: $deb ($(du -h "$deb" | cut -f1))"
