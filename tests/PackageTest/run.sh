#!/usr/bin/env bash
# End-to-end package test. Packs Clerk.Models into a temporary feed and uses it from a fresh console
# project outside the repository, as a user would: build and run, rebuild after a spec edit, a models
# library that an app references, trimmed publish, native AOT publish. Exits non-zero on the first
# failure. Usage: tests/PackageTest/run.sh
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# A package version no earlier run used, so the global packages folder cannot serve an older build.
# Only the package version: the assemblies keep the repository's version, so an up-to-date build is reused.
version="0.1.0-e2e.$(date -u +%Y%m%d%H%M%S).$$"
work="$(mktemp -d)"
feed="$work/feed"
app="$work/app"
packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
cleanup() {
  rm -rf "$work" "${packages%/}/clerk.models/$version"
  rmdir "${packages%/}/clerk.models" 2>/dev/null || true
}
trap cleanup EXIT

step() { printf '\n=== [%4ss] %s\n' "$SECONDS" "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
# Runs the app, shows what it printed and fails unless it exited 0 and printed every expected line.
run_app() {
  local output status=0
  output="$("$@" 2>&1)" || status=$?
  echo "$output"
  [ "$status" -eq 0 ] || fail "$* exited with $status"
  for line in "${expect[@]}"; do
    grep -qxF "$line" <<<"$output" || fail "$* did not print '$line'"
  done
}
# Runs a command, keeps its output in a log and fails on any warning it printed.
no_warnings() {
  local log="$1"; shift
  "$@" 2>&1 | tee "$log"
  if grep -E '(warning|error) [A-Z]+[0-9]+' "$log" >/dev/null; then
    fail "warnings from: $*"
  fi
}
# Ends the project file $1 with warnings as errors and, given a spec file $2, lists it as an OpenApiSpec.
finish_project() {
  local project="$1" spec="${2:-}"
  sed -i '/<\/Project>/d' "$project"
  {
    echo '  <PropertyGroup>'
    echo '    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>'
    echo '  </PropertyGroup>'
    if [ -n "$spec" ]; then
      echo
      echo '  <ItemGroup>'
      echo "    <OpenApiSpec Include=\"$spec\" Namespace=\"Clerk.Models\" />"
      echo '  </ItemGroup>'
    fi
    echo
    echo '</Project>'
  } >>"$project"
  cat "$project"
}
# A file's modification time, to the nanosecond, and hash: a compile that wrote the same bytes shows too.
stamp() { echo "$(stat -c %y "$1") sha256 $(sha256sum <"$1" | cut -d " " -f 1)"; }
# Gives User an optional nickname in the spec ($1), the payload ($2) and Program.cs ($3).
add_nickname() {
  local spec="$1" payload="$2" program="$3"
  # Only the first User schema's properties: Clerk's full spec also has a User response.
  awk '
    { print }
    /^    User:$/ && !done { in_user = 1 }
    in_user && /^      properties:$/ {
      print "        nickname:"
      print "          type: string"
      print "          description: What the user prefers to be called."
      in_user = 0
      done = 1
    }
  ' "$spec" >"$spec.new"
  mv "$spec.new" "$spec"
  grep -qxF '        nickname:' "$spec" || fail "could not add nickname to $spec"
  sed -i '1s/^{$/{\n  "nickname": "Maya L.",/' "$payload"
  grep -qF '"nickname": "Maya L."' "$payload" || fail "could not add nickname to $payload"
  sed -i 's|^// run.sh replaces this line once the spec has a nickname\.$|Console.WriteLine($"nickname: {user.Nickname}");|' "$program"
  grep -qF 'user.Nickname' "$program" || fail "could not make $program use user.Nickname"
}

step "pack Clerk.Models $version"
dotnet pack "$repo/runtime/Clerk.Models.Runtime" -c Release -o "$feed" -p:PackageVersion="$version"
nupkg="$feed/Clerk.Models.$version.nupkg"
unzip -l "$nupkg"

step "package layout"
listing="$(unzip -Z1 "$nupkg")"
for entry in \
  README.md \
  lib/netstandard2.0/Clerk.Models.Runtime.dll lib/netstandard2.0/Clerk.Models.Runtime.xml \
  lib/net8.0/Clerk.Models.Runtime.dll lib/net8.0/Clerk.Models.Runtime.xml \
  build/Clerk.Models.props build/Clerk.Models.targets \
  buildTransitive/Clerk.Models.props buildTransitive/Clerk.Models.targets \
  analyzers/dotnet/cs/Clerk.Models.Generator.dll analyzers/dotnet/cs/Microsoft.OpenApi.dll \
  analyzers/dotnet/cs/Microsoft.OpenApi.YamlReader.dll analyzers/dotnet/cs/SharpYaml.dll \
  analyzers/dotnet/cs/System.Text.Json.dll; do
  grep -qxF "$entry" <<<"$listing" || fail "the package has no $entry"
done
if grep -E '^analyzers/.*/Microsoft\.CodeAnalysis' <<<"$listing"; then
  fail "the package ships the compiler's own assemblies"
fi
if unzip -p "$nupkg" Clerk.Models.nuspec | grep -F 'Clerk.Models.Generator'; then
  fail "the package depends on the generator instead of carrying it"
fi
echo "layout: ok"

step "analyzer closure"
unzip -q "$nupkg" 'analyzers/*' -d "$work/package"
dotnet run "$here/CheckAnalyzerClosure.cs" -- "$work/package/analyzers/dotnet/cs"

step "fresh console project using the package"
# Clerk.Models comes from the temporary feed only; every other package from this machine's sources.
mapfile -t sources < <(cd "$work" && dotnet nuget list source | sed -n 's/^ *[0-9][0-9]*\. *\(.*\) \[Enabled\]$/\1/p')
[ "${#sources[@]}" -gt 0 ] || fail "no NuGet source is enabled on this machine"
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<configuration>'
  echo '  <packageSources>'
  echo "    <add key=\"clerk-models-e2e\" value=\"$feed\" />"
  echo '  </packageSources>'
  echo '  <packageSourceMapping>'
  echo '    <packageSource key="clerk-models-e2e"><package pattern="Clerk.Models" /></packageSource>'
  for source in "${sources[@]}"; do
    echo "    <packageSource key=\"$source\"><package pattern=\"*\" /></packageSource>"
  done
  echo '  </packageSourceMapping>'
  echo '</configuration>'
} >"$work/nuget.config"
cat "$work/nuget.config"
# Stops MSBuild from picking up settings from folders above the temporary one.
for file in Directory.Build.props Directory.Build.targets Directory.Packages.props; do
  echo '<Project />' >"$work/$file"
done

dotnet new console --name PackageConsumer --output "$app" --no-restore
cd "$app"
dotnet add package Clerk.Models --version "$version"
cp "$repo/specs/clerk-user.yaml" clerk-user.yaml
cp "$repo/tests/Payloads/user-typical.json" user.json
cp "$here/Program.cs" Program.cs
finish_project PackageConsumer.csproj clerk-user.yaml

step "build and run"
no_warnings "$work/build1.log" dotnet build
editorconfig="obj/Debug/net10.0/PackageConsumer.GeneratedMSBuildEditorConfig.editorconfig"
grep -qxF 'build_metadata.AdditionalFiles.Namespace = Clerk.Models' "$editorconfig" \
  || fail "the OpenApiSpec item did not reach the generator with its Namespace"
grep -qF 'build_property.ClerkModelsNamespace' "$editorconfig" \
  || fail "the package's props did not make ClerkModelsNamespace compiler-visible"
expect=('first name: Maya' 'converter round trip: exact' 'resolver round trip: exact')
run_app dotnet run --no-build -- user.json

step "the package switches the compiler's generator cache on, and off on request"
features="$(dotnet msbuild -getProperty:Features)"
echo "Features: $features"
grep -qF 'enable-generator-cache' <<<"$features" || fail "the package's targets did not add enable-generator-cache to Features"
features="$(dotnet msbuild -getProperty:Features -p:ClerkModelsGeneratorCache=false)"
! grep -qF 'enable-generator-cache' <<<"$features" || fail "ClerkModelsGeneratorCache=false still adds enable-generator-cache"

step "dotnet watch sees the spec"
watched="$(dotnet watch --list)"
echo "$watched"
grep -qxF "$app/clerk-user.yaml" <<<"$watched" || fail "dotnet watch does not watch the spec"

step "edit the spec: User gets an optional nickname"
add_nickname clerk-user.yaml user.json Program.cs

step "rebuild and run: the model follows the spec"
no_warnings "$work/build2.log" dotnet build
expect=('first name: Maya' 'nickname: Maya L.' 'converter round trip: exact' 'resolver round trip: exact')
run_app dotnet run --no-build -- user.json

step "a models library with Clerk's full spec, and an app that references it"
# A large spec in a library of its own is compiled only when the spec or the generator changes, not
# with every edit of the app. Clerk's full spec (317 KB) rather than the bundled one: the case the
# recipe is for, and the one that shows a wasted compile.
models="$work/models"
models_app="$work/models-app"
dotnet new classlib --name PackageModels --output "$models" --no-restore
cd "$models"
rm Class1.cs
dotnet add package Clerk.Models --version "$version"
cp "$repo/benchmarks/Clerk.Models.Benchmarks/Inputs/bapi-2025-03-12.yml" bapi-2025-03-12.yml
finish_project PackageModels.csproj bapi-2025-03-12.yml
dotnet new console --name PackageModelsApp --output "$models_app" --no-restore
cd "$models_app"
dotnet add reference "$models/PackageModels.csproj"
# The same program: only the resolver's name differs, since it is named after the spec's file.
sed 's/ClerkUserJson/Bapi20250312Json/g' "$here/Program.cs" >Program.cs
cp "$repo/tests/Payloads/user-typical.json" user.json
finish_project PackageModelsApp.csproj

step "build and run the app that references the models library"
no_warnings "$work/models-build1.log" dotnet build
expect=('first name: Maya' 'converter round trip: exact' 'resolver round trip: exact')
run_app dotnet run --no-build -- user.json
watched="$(dotnet watch --list)"
echo "$watched"
grep -qxF "$models/bapi-2025-03-12.yml" <<<"$watched" || fail "dotnet watch in the app does not watch the library's spec"

step "edit the app only: the library is not compiled again"
models_dll="$models/obj/Debug/net10.0/PackageModels.dll"
app_dll="$models_app/obj/Debug/net10.0/PackageModelsApp.dll"
models_before="$(stamp "$models_dll")"
app_before="$(stamp "$app_dll")"
touch Program.cs
no_warnings "$work/models-build2.log" dotnet build
[ "$(stamp "$app_dll")" != "$app_before" ] || fail "touching Program.cs did not compile the app again"
[ "$(stamp "$models_dll")" = "$models_before" ] || fail "touching the app's Program.cs compiled PackageModels again"
echo "PackageModels.dll unchanged: $models_before"
run_app dotnet run --no-build -- user.json

step "edit the library's spec: the library is rebuilt and the app sees the nickname"
add_nickname "$models/bapi-2025-03-12.yml" user.json Program.cs
no_warnings "$work/models-build3.log" dotnet build
[ "$(stamp "$models_dll")" != "$models_before" ] || fail "editing the spec did not compile PackageModels again"
expect=('first name: Maya' 'nickname: Maya L.' 'converter round trip: exact' 'resolver round trip: exact')
run_app dotnet run --no-build -- user.json
cd "$app"

step "trimmed self-contained publish"
# One warning per call site rather than one per assembly.
no_warnings "$work/publish-trimmed.log" \
  dotnet publish -c Release -r linux-x64 --self-contained -p:PublishTrimmed=true -p:TrimmerSingleWarn=false -o "$work/trimmed"
run_app "$work/trimmed/PackageConsumer" user.json

step "native AOT publish"
aot="ran"
if ! dotnet restore -r linux-x64 -p:PublishAot=true >"$work/restore-aot.log" 2>&1; then
  cat "$work/restore-aot.log"
  reason="$(grep -oE 'error NU[0-9]+: .*' "$work/restore-aot.log" | head -n 1 || true)"
  echo "AOT publish skipped: the native AOT compiler packages did not restore (${reason:-see the log above})"
  aot="skipped"
else
  no_warnings "$work/publish-aot.log" \
    dotnet publish -c Release -r linux-x64 -p:PublishAot=true -p:TrimmerSingleWarn=false --no-restore -o "$work/aot"
  run_app "$work/aot/PackageConsumer" user.json
fi

step "package test passed (Clerk.Models $version; native AOT $aot)"
