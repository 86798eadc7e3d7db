using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using Clerk.Models.Generator.Diagnostics;
using Clerk.Models.Generator.Model;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Clerk.Models.Generator.Read;

/// <summary>What reading one spec produced: a model to emit (when one could be made) and diagnostics.</summary>
internal sealed record SpecReadResult(SpecModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// The read stage: spec text in, <see cref="SpecModel"/> out. This is the only place that sees
/// OpenAPI.NET's object model; nothing from it leaves this class.
/// </summary>
internal static class SpecReader
{
    public static SpecReadResult Read(SpecInput input, CancellationToken cancellationToken)
        => Read(input, EquatableArray<KnownSpec>.Empty, cancellationToken);

    /// <param name="knownSpecs">Every spec of the compilation, so that a <c>$ref</c> into another one resolves to its types.</param>
    public static SpecReadResult Read(SpecInput input, EquatableArray<KnownSpec> knownSpecs, CancellationToken cancellationToken)
    {
        var locator = new SpecLocator(input.Path, input.Text);
        var diagnostics = new List<DiagnosticInfo>();
        try
        {
            var model = ReadCore(input, knownSpecs, locator, diagnostics, cancellationToken);
            return new SpecReadResult(model, diagnostics.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Never let a spec take the compiler down: report it on the spec and emit nothing for it.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnexpectedException, locator.File, ex.GetType().Name + ": " + ex.Message));
            return new SpecReadResult(null, diagnostics.ToEquatableArray());
        }
    }

    private static SpecModel? ReadCore(SpecInput input, EquatableArray<KnownSpec> knownSpecs, SpecLocator locator, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var specName = SafeFileName(Path.GetFileNameWithoutExtension(input.Path));
        var @namespace = ResolveNamespace(input, specName, locator, diagnostics);

        // The library's validation rules check paths and operations, which models do not use, and follow
        // every $ref chain to its end for every reference: a 10,000-link alias chain took minutes.
        var settings = new OpenApiReaderSettings { RuleSet = ValidationRuleSet.GetEmptyRuleSet() };
        settings.AddYamlReader();
        JsonNode? root = null;
        ReadResult result;
        try
        {
            root = ParseText(input, locator, cancellationToken);
            result = new OpenApiJsonReader().Read(root ?? new JsonObject(), new Uri(OpenApiConstants.BaseRegistryUri), settings);
        }
        catch (SpecTextException ex)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SyntaxError, ex.Location, ex.Message));
            return null;
        }
        catch (JsonException ex) when (SpecDetector.IsJson(input.Path) && ex.LineNumber is { } line)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SyntaxError, locator.AtLineAndByte(line, ex.BytePositionInLine ?? 0), JsonMessage(ex)));
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // System.Text.Json's nodes throw on a duplicate key only when the library walks them.
            if (locator.FirstDuplicateKey() is { } duplicate)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SyntaxError, duplicate.Location, duplicate.Message));
                return null;
            }

            var syntax = locator.FindSyntaxError();
            if (syntax is null && ex.Message.IndexOf("version", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                var versionPointer = locator.ScalarAt("/openapi") is not null ? "/openapi" : "/swagger";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedVersion, locator.Locate(versionPointer), locator.ScalarAt(versionPointer) ?? "?"));
                return null;
            }

            // The parsing library throws on some keywords of the wrong kind ('deprecated: maybe'): say where.
            if (syntax is null && ReportUnreadableShape(root, locator, diagnostics))
            {
                return null;
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SyntaxError, syntax?.Location ?? locator.File, syntax?.Message ?? ex.Message));
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();

        var document = result.Document;
        var errors = result.Diagnostic?.Errors ?? (IList<OpenApiError>)Array.Empty<OpenApiError>();
        if (document is null)
        {
            var syntax = locator.FindSyntaxError();
            if (syntax is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SyntaxError, syntax.Value.Location, syntax.Value.Message));
            }
            else if (errors.Count > 0 && errors[0].Message.IndexOf("version", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                var versionPointer = locator.ScalarAt("/openapi") is not null ? "/openapi" : "/swagger";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedVersion, locator.Locate(versionPointer), locator.ScalarAt(versionPointer) ?? "?"));
            }
            else if (!ReportUnreadableShape(root, locator, diagnostics))
            {
                foreach (var error in errors)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDocument, locator.Locate(error.Pointer ?? string.Empty), error.Message));
                }

                if (errors.Count == 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDocument, locator.File, "The document could not be read as OpenAPI."));
                }
            }

            return null;
        }

        // Keywords of the wrong kind that the parsing library dropped or misread: the models are built without them.
        var shapeProblems = SpecShapeCheck.Find(root, locator);
        foreach (var (location, message) in shapeProblems)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDocument, location, message + "; it is ignored"));
        }

        // Problems in paths, responses or security do not touch the models: only schema problems are reported,
        // once (the check above may have found them already).
        foreach (var error in errors.Where(e => IsSchemaPointer(e.Pointer)))
        {
            var location = locator.Locate(error.Pointer ?? string.Empty);
            if (!shapeProblems.Any(p => p.Location.Line == location.Line))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDocument, location, error.Message));
            }
        }

        var options = ReadOptions.Resolve(input.Options, locator, diagnostics);
        var builder = new ModelBuilder(document, input.Path, knownSpecs, locator, options, diagnostics, cancellationToken);
        builder.Build();
        var resolver = builder.ClaimResolverName(NameMangler.ToPascalCase(specName, "Spec") + "Json");
        return new SpecModel(
            input.Path,
            specName,
            HintPrefix(input.Path, specName, @namespace, knownSpecs),
            @namespace,
            options.IsPublic,
            builder.Records.ToEquatableArray(),
            builder.Enums.ToEquatableArray(),
            builder.Unions.ToEquatableArray(),
            resolver.Name,
            resolver.FileName);
    }

    /// <summary>
    /// The spec as the JSON tree the library reads. Both formats are parsed here rather than by the
    /// library: YAML so that the text is parsed once, with the locations diagnostics need, and JSON
    /// because the library's reader stops at 64 levels, which 30 nested objects already reach.
    /// </summary>
    private static JsonNode? ParseText(SpecInput input, SpecLocator locator, CancellationToken cancellationToken)
    {
        if (!SpecDetector.IsJson(input.Path))
        {
            return locator.ParseYaml(cancellationToken);
        }

        var root = JsonNode.Parse(input.Text.TrimStart('\uFEFF'), documentOptions: new JsonDocumentOptions { MaxDepth = MaxJsonDepth });
        Materialize(root);
        return root;
    }

    /// <summary>
    /// Visits every node: System.Text.Json builds an object's members when they are first asked for,
    /// and only then throws on a duplicate key. Here, that is while the text is read, where it is
    /// reported at its line, not later inside a part of the spec nothing else reads.
    /// </summary>
    private static void Materialize(JsonNode? root)
    {
        var pending = new Stack<JsonNode?>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject mapping:
                    foreach (var member in mapping)
                    {
                        pending.Push(member.Value);
                    }

                    break;
                case JsonArray sequence:
                    foreach (var item in sequence)
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }
    }

    private const int MaxJsonDepth = SpecLocator.MaxDepth;

    /// <summary>System.Text.Json's message without the position, which the diagnostic's location already gives.</summary>
    private static string JsonMessage(JsonException exception)
    {
        var message = exception.Message;
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return position > 0 ? message.Substring(0, position).TrimEnd() : message;
    }

    /// <summary>Reports, as errors, the keywords of the wrong kind that kept the spec from being read; false when there are none.</summary>
    private static bool ReportUnreadableShape(JsonNode? root, SpecLocator locator, List<DiagnosticInfo> diagnostics)
    {
        var problems = SpecShapeCheck.Find(root, locator);
        foreach (var (location, message) in problems)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableSchema, location, message));
        }

        return problems.Count > 0;
    }

    private static bool IsSchemaPointer(string? pointer)
        => pointer is not null
           && (pointer.StartsWith("#/components/schemas", StringComparison.Ordinal) || pointer.StartsWith("#/definitions", StringComparison.Ordinal));

    /// <summary>The file name as it may appear in hint names and comments: letters, digits, '.', '-' and '_'.</summary>
    private static string SafeFileName(string name)
    {
        var chars = name.Select(c => c < 128 && (char.IsLetterOrDigit(c) || c is '.' or '-' or '_') ? c : '_').ToArray();
        return chars.Length == 0 ? "spec" : new string(chars);
    }

    /// <summary>
    /// Hint names must be unique in a compilation, ignoring case: two specs with one file name (a/pets.yaml,
    /// b/Pets.yaml) add their namespace, and when that is the same too, their position among the project's paths.
    /// </summary>
    private static string HintPrefix(string path, string specName, string @namespace, EquatableArray<KnownSpec> knownSpecs)
    {
        var sameName = knownSpecs.Where(k => string.Equals(SafeFileName(Path.GetFileNameWithoutExtension(k.Path)), specName, StringComparison.OrdinalIgnoreCase)).ToList();
        if (sameName.Count <= 1)
        {
            return specName;
        }

        var sameNamespace = sameName.Where(k => string.Equals(k.Namespace, @namespace, StringComparison.OrdinalIgnoreCase)).Select(k => k.Path).OrderBy(p => p, StringComparer.Ordinal).ToList();
        return sameNamespace.Count <= 1
            ? specName + "." + @namespace
            : specName + "." + @namespace + "." + (sameNamespace.IndexOf(path) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Where a spec's types go, without reporting anything: what other specs need to refer to them.</summary>
    public static KnownSpec Locate(SpecInput input)
        => new(input.Path, ResolveNamespace(input, SafeFileName(Path.GetFileNameWithoutExtension(input.Path)), new SpecLocator(input.Path, string.Empty), new List<DiagnosticInfo>()));

    /// <summary>
    /// The <c>Namespace</c> metadata when given and valid; otherwise the project's root namespace
    /// followed by the spec's file name in PascalCase (<c>MyApp.ClerkUser</c> for <c>clerk-user.yaml</c>).
    /// </summary>
    private static string ResolveNamespace(SpecInput input, string specName, SpecLocator locator, List<DiagnosticInfo> diagnostics)
    {
        var fallback = NameMangler.ToPascalCase(specName, "Spec");
        if (!string.IsNullOrWhiteSpace(input.Options.RootNamespace) && IsValidNamespace(input.Options.RootNamespace!))
        {
            fallback = input.Options.RootNamespace + "." + fallback;
        }

        var requested = input.Options.Namespace;
        if (string.IsNullOrWhiteSpace(requested))
        {
            return fallback;
        }

        if (IsValidNamespace(requested!.Trim()))
        {
            return requested.Trim();
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, locator.File, requested, "the Namespace metadata", "a C# namespace such as 'Contoso.Models'", fallback));
        return fallback;
    }

    private static bool IsValidNamespace(string value)
        => value.Split('.').All(part => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(part)
            && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(part) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None);

    /// <summary>Walks the component schemas and builds the records, enums and unions they need.</summary>
    private sealed class ModelBuilder
    {
        private static readonly string[] RecordReservedNames =
        {
            "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "Clone",
            "GetType", "MemberwiseClone", "Finalize", "JsonConverter", "IsPresent", "Without", "AdditionalProperties", "JsonMember",
        };

        /// <summary>The locals of a record converter's <c>ReadValue</c>, besides one per member and one per presence word.</summary>
        private static readonly string[] ConverterLocalNames = { "reader", "options", "member", "current", "additionalProperties", "ex" };

        private static readonly string[] EnumReservedNames =
        {
            "Value", "IsKnown", "From", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "JsonConverter",
        };

        /// <summary>
        /// What a case cannot be named: the union's own members, and the members of the case records,
        /// which inherit the union's nested types (a case named <c>Value</c> would hide every case's <c>Value</c>).
        /// The case for unknown values is claimed first, as <c>Unknown</c> unless the union has that name.
        /// </summary>
        private static readonly string[] UnionReservedNames =
        {
            "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "Clone",
            "GetType", "MemberwiseClone", "Finalize", "JsonConverter", "Value", "Json",
        };

        // A type cannot have a member of its own name (CS0542): a schema is not named like a member its type declares.
        private static readonly string[] RecordTypeReservedNames =
        {
            "JsonConverter", "JsonMember", "AdditionalProperties", "IsPresent", "Without",
            "EqualityContract", "PrintMembers", "ToString", "Equals", "GetHashCode", "Deconstruct",
        };

        private static readonly string[] EnumTypeReservedNames =
        {
            "JsonConverter", "Value", "IsKnown", "From", "ToString", "Equals", "GetHashCode",
        };

        private static readonly string[] UnionTypeReservedNames =
        {
            "JsonConverter", "EqualityContract", "PrintMembers", "ToString", "Equals", "GetHashCode", "Deconstruct",
        };

        private readonly OpenApiDocument _document;
        private readonly string _specPath;
        private readonly EquatableArray<KnownSpec> _knownSpecs;
        private readonly SpecLocator _locator;
        private readonly ReadOptions _options;
        private readonly List<DiagnosticInfo> _diagnostics;
        private readonly CancellationToken _cancellationToken;
        private readonly NameScope _typeNames = new();

        // Generated files are told apart ignoring case (as on Windows and macOS), C# types are not.
        private readonly NameScope _fileNames = new(comparer: StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _fileNameOf = new(StringComparer.Ordinal);
        private readonly Dictionary<string, TypeRef> _componentTypes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, bool> _componentNullable = new(StringComparer.Ordinal);
        private readonly HashSet<string> _resolvingAliases = new(StringComparer.Ordinal);
        private readonly Dictionary<IOpenApiSchema, TypeRef> _inlineInProgress = new();

        /// <summary>Far beyond any real spec, and within what a compiler thread's stack holds.</summary>
        private const int MaxInlineDepth = 256;

        public ModelBuilder(OpenApiDocument document, string specPath, EquatableArray<KnownSpec> knownSpecs, SpecLocator locator, ReadOptions options, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            _document = document;
            _specPath = specPath;
            _knownSpecs = knownSpecs;
            _locator = locator;
            _options = options;
            _diagnostics = diagnostics;
            _cancellationToken = cancellationToken;
        }

        public List<RecordModel> Records { get; } = new();

        public List<EnumModel> Enums { get; } = new();

        public List<UnionModel> Unions { get; } = new();

        private IDictionary<string, IOpenApiSchema> Components
            => _document.Components?.Schemas ?? (IDictionary<string, IOpenApiSchema>)new Dictionary<string, IOpenApiSchema>();

        public void Build()
        {
            SetAsideBrokenAliases();

            // Components claim their names first, in spec order, so that inline types never take them.
            var pending = new List<(string Id, IOpenApiSchema Schema, SchemaShape Shape, string TypeName)>();
            foreach (var pair in Components)
            {
                // A component that is not a mapping ('Pet: 5') was reported by the shape check.
                if (pair.Value is null)
                {
                    continue;
                }

                var shape = Classify(pair.Value);
                if (shape == SchemaShape.Alias)
                {
                    continue;
                }

                var typeName = ClaimTypeName(pair.Key, shape, ComponentPointer(pair.Key));
                var kind = shape switch
                {
                    SchemaShape.Record => TypeKind.Record,
                    SchemaShape.Enum => TypeKind.Enum,
                    _ => TypeKind.Union,
                };
                _componentTypes[pair.Key] = new TypeRef(kind, typeName);
                _componentNullable[pair.Key] = IsNullable(pair.Value, ComponentPointer(pair.Key));
                pending.Add((pair.Key, pair.Value, shape, typeName));
            }

            foreach (var (id, schema, shape, typeName) in pending)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                BuildType(schema, shape, typeName, ComponentPointer(id));
            }

            MarkUnionsThatLeadBack();
        }

        /// <summary>
        /// A union reads a union alternative by asking it first; when that alternative lists the first
        /// union again (directly or through other unions), the asking never ends. Such alternatives are
        /// kept, so they can be built and written, but are not asked when reading.
        /// </summary>
        private void MarkUnionsThatLeadBack()
        {
            var alternatives = Unions.ToDictionary(
                u => u.Name,
                u => u.Cases.Where(c => c.Type.Kind == TypeKind.Union && c.Type.Namespace is null && c.Type.Name is not null).Select(c => c.Type.Name!).ToList(),
                StringComparer.Ordinal);

            bool Reaches(string from, string target)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var pending = new Stack<string>();
                pending.Push(from);
                while (pending.Count > 0)
                {
                    var current = pending.Pop();
                    if (current == target)
                    {
                        return true;
                    }

                    if (seen.Add(current) && alternatives.TryGetValue(current, out var next))
                    {
                        foreach (var name in next)
                        {
                            pending.Push(name);
                        }
                    }
                }

                return false;
            }

            bool LeadsBack(UnionCaseModel @case, string union)
                => @case.Type.Kind == TypeKind.Union && @case.Type.Namespace is null && @case.Type.Name is { } name && Reaches(name, union);

            for (var i = 0; i < Unions.Count; i++)
            {
                var union = Unions[i];
                if (union.Cases.Any(c => LeadsBack(c, union.Name)))
                {
                    Unions[i] = union with { Cases = union.Cases.Select(c => LeadsBack(c, union.Name) ? c with { IsProbed = false } : c).ToEquatableArray() };
                }
            }
        }

        /// <summary>
        /// Alias components (<c>A: {$ref: B}</c>) whose chain never reaches a schema, because it loops or
        /// runs longer than <see cref="MaxAliasChain"/> links. The parsing library follows such a chain
        /// recursively on every keyword it is asked for, throwing on a loop and overflowing the stack on
        /// a long one; so they are reported, and every reference to them becomes free-form JSON.
        /// </summary>
        private void SetAsideBrokenAliases()
        {
            // Links from each alias to the schema its chain ends at; Never for a chain that loops.
            const int Never = int.MaxValue;
            var links = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var pair in Components)
            {
                if (pair.Value is not OpenApiSchemaReference || links.ContainsKey(pair.Key))
                {
                    continue;
                }

                var chain = new List<string>();
                var onChain = new HashSet<string>(StringComparer.Ordinal);
                var current = pair.Key;
                int end;
                while (true)
                {
                    if (links.TryGetValue(current, out end))
                    {
                        break;
                    }

                    if (!Components.TryGetValue(current, out var schema) || schema is not OpenApiSchemaReference reference || ComponentIdOf(reference) is not { } next)
                    {
                        end = 0;
                        break;
                    }

                    if (!onChain.Add(current))
                    {
                        Report(DiagnosticDescriptors.UnsupportedSchema, ComponentPointer(current), "A reference cycle made only of aliases", ComponentPointer(current));
                        end = Never;
                        break;
                    }

                    chain.Add(current);
                    current = next;
                }

                for (var i = chain.Count - 1; i >= 0; i--)
                {
                    end = end == Never ? Never : end + 1;
                    links[chain[i]] = end;
                }
            }

            var tooLong = links.Where(l => l.Value != Never && l.Value > MaxAliasChain).Select(l => l.Key).ToList();
            if (tooLong.Count > 0)
            {
                var first = Components.Keys.First(tooLong.Contains);
                Report(DiagnosticDescriptors.UnsupportedSchema, ComponentPointer(first), "A chain of more than " + MaxAliasChain + " $ref aliases", ComponentPointer(first));
            }

            var broken = new HashSet<string>(links.Where(l => l.Value > MaxAliasChain).Select(l => l.Key), StringComparer.Ordinal);
            if (broken.Count > 0)
            {
                ReplaceReferences(broken);
            }
        }

        private const int MaxAliasChain = 256;

        /// <summary>Replaces each reference to one of <paramref name="ids"/>, anywhere in a component, with the empty schema.</summary>
        private void ReplaceReferences(HashSet<string> ids)
        {
            bool IsBroken(IOpenApiSchema? schema) => schema is OpenApiSchemaReference reference && ComponentIdOf(reference) is { } id && ids.Contains(id);

            var visited = new HashSet<IOpenApiSchema>();
            var pending = new Stack<IOpenApiSchema>(Components.Values.OfType<OpenApiSchema>());
            while (pending.Count > 0)
            {
                if (pending.Pop() is not OpenApiSchema schema || !visited.Add(schema))
                {
                    continue;
                }

                if (schema.Properties is { } properties)
                {
                    foreach (var name in properties.Keys.ToList())
                    {
                        properties[name] = IsBroken(properties[name]) ? new OpenApiSchema() : properties[name];
                        pending.Push(properties[name]);
                    }
                }

                foreach (var list in new[] { schema.AllOf, schema.OneOf, schema.AnyOf })
                {
                    for (var i = 0; list is not null && i < list.Count; i++)
                    {
                        list[i] = IsBroken(list[i]) ? new OpenApiSchema() : list[i];
                        pending.Push(list[i]);
                    }
                }

                schema.Items = IsBroken(schema.Items) ? new OpenApiSchema() : schema.Items;
                schema.AdditionalProperties = IsBroken(schema.AdditionalProperties) ? new OpenApiSchema() : schema.AdditionalProperties;
                schema.Not = IsBroken(schema.Not) ? new OpenApiSchema() : schema.Not;
                foreach (var child in new[] { schema.Items, schema.AdditionalProperties, schema.Not })
                {
                    if (child is not null)
                    {
                        pending.Push(child);
                    }
                }
            }

            foreach (var id in ids)
            {
                Components[id] = new OpenApiSchema();
            }
        }

        /// <summary>The resolver's name, claimed after every type so that a schema keeps its own name.</summary>
        public (string Name, string FileName) ClaimResolverName(string desired)
        {
            var name = _typeNames.Claim(desired);
            return (name, ClaimFileName(name));
        }

        /// <summary>
        /// The type's part of its file's hint name: its name, or, when another type of the spec has that
        /// name in another case (<c>Case</c>, <c>CASE</c>), its name with a hash of the exact name after it.
        /// </summary>
        private string ClaimFileName(string typeName)
        {
            var fileName = _fileNames.IsTaken(typeName)
                ? _fileNames.Claim(typeName + "-" + NameMangler.StableHash(typeName))
                : _fileNames.Claim(typeName);
            _fileNameOf[typeName] = fileName;
            return fileName;
        }

        private static string ComponentPointer(string id) => "/components/schemas/" + SpecLocator.Escape(id);

        private string ClaimTypeName(string specName, SchemaShape shape, string pointer)
        {
            var desired = NameMangler.ToPascalCase(specName, "Model");
            var claimed = _typeNames.Claim(AvoidOwnMembers(desired, shape));
            if (claimed != desired)
            {
                Report(DiagnosticDescriptors.NameCollision, pointer, specName, desired, claimed);
            }

            ClaimFileName(claimed);
            return claimed;
        }

        /// <summary>A name the type of <paramref name="shape"/> declares a member of (JsonConverter, Value...) gets <c>Model</c> after it.</summary>
        private static string AvoidOwnMembers(string typeName, SchemaShape shape)
        {
            var reserved = shape switch
            {
                SchemaShape.Record => RecordTypeReservedNames,
                SchemaShape.Enum => EnumTypeReservedNames,
                _ => UnionTypeReservedNames,
            };
            return Array.IndexOf(reserved, typeName) >= 0 ? typeName + "Model" : typeName;
        }

        /// <summary>The case that keeps a value no alternative fits: <c>Unknown</c>, unless the union itself has that name.</summary>
        private static string UnknownCaseNameOf(string unionName)
            => new NameScope(UnionReservedNames.Concat(new[] { unionName })).Claim("Unknown");

        /// <param name="origin">Where an inline schema sits ("'status' of OTP"), for its summary when it has no description.</param>
        private void BuildType(IOpenApiSchema schema, SchemaShape shape, string typeName, string pointer, string? origin = null)
        {
            switch (shape)
            {
                case SchemaShape.Record:
                    BuildRecord(schema, typeName, pointer, schema.Description ?? (origin is null ? null : "The value of " + origin + "."));
                    break;
                case SchemaShape.Enum:
                    BuildEnum(schema, typeName, pointer, schema.Description ?? (origin is null ? null : "The values of " + origin + "; values the spec does not list are kept too."));
                    break;
                case SchemaShape.Union:
                    BuildUnion(schema, typeName, pointer, schema.Description ?? (origin is null ? null : "The value of " + origin + ": one of several alternatives."));
                    break;
            }
        }

        private void BuildRecord(IOpenApiSchema schema, string typeName, string pointer, string? description)
        {
            var collected = CollectMembers(schema, pointer);

            // The record's members (properties, then their backing fields), the converter's locals while
            // it reads, and its static fields: each name is claimed where it is declared, so that names
            // that differ only in the case of their first letter (K and the Kelvin sign) stay apart.
            var presenceWords = Enumerable.Range(0, (collected.Count + 63) / 64).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var members = new NameScope(RecordReservedNames.Concat(new[] { typeName, "_additionalProperties" }).Concat(presenceWords.Select(w => "_present_" + w)));
            var locals = new NameScope(ConverterLocalNames.Concat(presenceWords.Select(w => "present" + w)));
            var statics = new NameScope(new[] { "s_jsonNames" });

            var named = new List<(Member Member, string Name, TypeRef Type, bool Nullable)>();
            foreach (var member in collected)
            {
                var desired = NameMangler.ToPascalCase(member.JsonName);

                // A member named like its type (EmailAddress.email_address) cannot keep the name (CS0542).
                var name = members.Claim(desired == typeName ? desired + "Value" : desired);
                if (name != desired)
                {
                    Report(DiagnosticDescriptors.NameCollision, member.Pointer, member.JsonName, desired, name);
                }

                var origin = "'" + member.JsonName + "' of " + typeName;
                // Inline types are named from the JSON name, whatever the member had to be renamed to.
                var (type, nullable) = ResolveType(member.Schema, typeName + desired, member.Pointer, origin);
                named.Add((member, name, AsTimestamp(type, member), nullable));
            }

            var properties = new List<PropertyModel>();
            foreach (var (member, name, type, nullable) in named)
            {
                var camel = NameMangler.ToCamelCase(name);
                properties.Add(new PropertyModel(
                    member.JsonName,
                    name,
                    type,
                    member.IsRequired,
                    nullable,
                    DescribeMember(Annotations(member.Schema), type),
                    Annotations(member.Schema).Deprecated ? DeprecationMessage(Annotations(member.Schema).Description) : null,
                    members.Claim("_" + camel),
                    locals.Claim(camel + "Value"),
                    statics.Claim("s_" + camel + "Name")));
            }

            Records.Add(new RecordModel(
                typeName,
                _fileNameOf[typeName],
                description,
                schema.Deprecated ? DeprecationMessage(schema.Description) : null,
                properties.ToEquatableArray(),
                "AdditionalProperties",
                "JsonMember"));
        }

        /// <summary>
        /// An integer member named by the timestamp option, or marked <c>x-clerk-models-unix-time</c>, is
        /// read as a <c>DateTimeOffset</c> and written back as the same integer.
        /// </summary>
        private TypeRef AsTimestamp(TypeRef type, Member member)
        {
            if (type.Kind is not (TypeKind.Int64 or TypeKind.Int32))
            {
                return type;
            }

            var unit = _options.TimestampUnitFor(member.JsonName);
            if ((Annotations(member.Schema).Extensions?.TryGetValue(ReadOptions.UnixTimeExtension, out var extension) ?? false)
                && extension is JsonNodeExtension { Node: JsonValue value } && value.TryGetValue<string>(out var text))
            {
                unit = ReadOptions.ParseUnit(text);
                if (unit is null)
                {
                    Report(DiagnosticDescriptors.InvalidOption, member.Pointer, text, ReadOptions.UnixTimeExtension, "'milliseconds' or 'seconds'", "an integer");
                }
            }

            return unit is { } kind ? new TypeRef(kind) : type;
        }

        /// <summary>
        /// The member's description, with what the C# type cannot say: the values an integer enum
        /// allows, the default (documented, not applied: an absent member must stay absent to be
        /// written back as it came), and readOnly/writeOnly.
        /// </summary>
        private static string? DescribeMember(IOpenApiSchema schema, TypeRef type)
        {
            var notes = new List<string>();
            if (type.Kind is not (TypeKind.Enum or TypeKind.String) && schema.Enum is { Count: > 0 } values)
            {
                notes.Add("Allowed values: " + string.Join(", ", values.Select(v => v is null || v.IsJsonNullSentinel() ? "null" : v.ToJsonString())) + ".");
            }

            if (schema.Default is { } defaultValue)
            {
                notes.Add("Default when absent: " + defaultValue.ToJsonString() + ".");
            }

            if (schema.ReadOnly)
            {
                notes.Add("Read-only: sent by the server, not expected in requests.");
            }

            if (schema.WriteOnly)
            {
                notes.Add("Write-only: sent in requests, not returned by the server.");
            }

            if (notes.Count == 0)
            {
                return schema.Description;
            }

            var text = string.Join(" ", notes);
            return string.IsNullOrWhiteSpace(schema.Description) ? text : schema.Description!.TrimEnd() + "\n" + text;
        }

        private static string DeprecationMessage(string? description)
            => "Deprecated in the API description." + (string.IsNullOrWhiteSpace(description) ? string.Empty : " " + FirstLine(description!));

        private static string FirstLine(string text)
        {
            var trimmed = text.Trim();
            var end = trimmed.IndexOfAny(new[] { '\r', '\n', '\u2028', '\u2029', '\u0085' });
            return end < 0 ? trimmed : trimmed.Substring(0, end);
        }

        private void BuildEnum(IOpenApiSchema schema, string typeName, string pointer, string? description)
        {
            // null in the list means "nullable"; it is not a member.
            var values = (schema.Enum ?? new List<JsonNode>()).Select((node, i) => (Node: node as JsonValue, Index: i)).Where(v => v.Node is not null && !v.Node.IsJsonNullSentinel()).ToList();
            var kind = EnumKindOf(schema, values.Select(v => v.Node!));
            var names = new NameScope(EnumReservedNames.Concat(new[] { typeName }));
            var members = new List<EnumMemberModel>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (node, index) in values)
            {
                var valuePointer = pointer + "/enum/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var isString = node!.TryGetValue<string>(out var text);
                var value = kind switch
                {
                    EnumValueKind.String => text!,
                    EnumValueKind.Json => node.ToJsonString(),
                    _ => node.ToJsonString(),
                };
                if (!seen.Add(value))
                {
                    continue;
                }

                string natural;
                if (isString)
                {
                    natural = NameMangler.ToPascalCase(text!, "Empty");
                }
                else
                {
                    // Numbers are named by their value: Value1, ValueMinus1, Value2_5.
                    var number = node.ToJsonString();
                    natural = NameMangler.Limit("Value" + (number.StartsWith("-", StringComparison.Ordinal) ? "Minus" + number.Substring(1) : number).Replace('.', '_').Replace('+', '_'));
                }

                var name = names.Claim(natural);
                if (isString && (text!.Length == 0 || !char.IsLetter(text[0]) || name != natural))
                {
                    Report(DiagnosticDescriptors.EnumValueName, valuePointer, text, name);
                }

                members.Add(new EnumMemberModel(value, name));
            }

            Enums.Add(new EnumModel(typeName, _fileNameOf[typeName], description, members.ToEquatableArray(), kind));
        }

        /// <summary>All strings: a string enum. All integers of an integer schema: Int32 or Int64. Anything else: raw JSON values.</summary>
        private EnumValueKind EnumKindOf(IOpenApiSchema schema, IEnumerable<JsonValue> values)
        {
            var list = values.ToList();
            if (list.All(v => v.GetValueKind() == System.Text.Json.JsonValueKind.String))
            {
                return EnumValueKind.String;
            }

            var type = schema.Type.GetValueOrDefault() & ~JsonSchemaType.Null;
            if (list.All(v => v.GetValueKind() == System.Text.Json.JsonValueKind.Number && long.TryParse(v.ToJsonString(), out _))
                && type is JsonSchemaType.Integer or 0)
            {
                return schema.Format == "int32" || (schema.Format is null && _options.IntegerType.Kind == TypeKind.Int32) ? EnumValueKind.Int32 : EnumValueKind.Int64;
            }

            return EnumValueKind.Json;
        }

        private void BuildUnion(IOpenApiSchema schema, string typeName, string pointer, string? description)
        {
            var names = new NameScope(UnionReservedNames.Concat(new[] { typeName }));
            var unknownName = names.Claim("Unknown");
            var alternatives = NonNullAlternatives(schema, out var keyword);
            var cases = new List<(string Name, TypeRef Type, List<CaseCheck> Checks, EnumValueKind? EnumValues)>();
            var caseByComponent = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < alternatives.Count; i++)
            {
                var alternative = alternatives[i];
                var altPointer = pointer + "/" + keyword + "/" + i;
                var (type, _) = ResolveType(alternative, typeName + "Option" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), altPointer);
                var desired = type.Name ?? type.Kind.ToString();
                var caseName = names.Claim(desired);
                if (caseName != desired)
                {
                    Report(DiagnosticDescriptors.NameCollision, altPointer, desired, desired, caseName);
                }

                var enumValues = type.Kind == TypeKind.Enum && Dereference(alternative) is { } enumSchema
                    ? EnumKindOf(enumSchema, (enumSchema.Enum ?? new List<JsonNode>()).OfType<JsonValue>().Where(v => !v.IsJsonNullSentinel()))
                    : (EnumValueKind?)null;
                cases.Add((caseName, type, ChecksOf(alternative, altPointer), enumValues));
                if (alternative is OpenApiSchemaReference alternativeReference && ComponentIdOf(alternativeReference) is { } componentId)
                {
                    caseByComponent[componentId] = caseName;
                }
            }

            var discriminator = DiscriminatorOf(schema, caseByComponent, pointer);

            var selector = FindDistinguishingProperty(cases.Select(c => c.Checks).ToList()) is { } property
                ? new UnionSelector(UnionSelectorKind.DistinguishingProperty, property)
                : new UnionSelector(UnionSelectorKind.FirstMatch, null);

            Unions.Add(new UnionModel(
                typeName,
                _fileNameOf[typeName],
                description,
                cases.Select(c => new UnionCaseModel(
                    c.Name,
                    c.Type,
                    c.Checks.ToEquatableArray(),
                    c.EnumValues,
                    c.Type.Kind == TypeKind.Union ? UnknownCaseNameOf(c.Type.Name!) : null)).ToEquatableArray(),
                unknownName,
                selector,
                discriminator));
        }

        /// <summary>
        /// The discriminator's values: the explicit <c>mapping</c>, then each referenced alternative's
        /// own schema name (the implicit mapping), unless the mapping already uses that value.
        /// </summary>
        private UnionDiscriminator? DiscriminatorOf(IOpenApiSchema schema, Dictionary<string, string> caseByComponent, string pointer)
        {
            if (schema.Discriminator?.PropertyName is not { Length: > 0 } property)
            {
                return null;
            }

            var values = new List<DiscriminatorValue>();
            foreach (var mapping in schema.Discriminator.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
            {
                if (mapping.Value is { } target && MappedComponent(target) is { } id && caseByComponent.TryGetValue(id, out var caseName))
                {
                    values.Add(new DiscriminatorValue(mapping.Key, caseName));
                }
                else
                {
                    Report(DiagnosticDescriptors.UnresolvedReference, pointer + "/discriminator/mapping/" + SpecLocator.Escape(mapping.Key), mapping.Value?.Reference?.ReferenceV3 ?? mapping.Key, pointer);
                }
            }

            foreach (var pair in caseByComponent)
            {
                if (!values.Any(v => v.Value == pair.Key))
                {
                    values.Add(new DiscriminatorValue(pair.Key, pair.Value));
                }
            }

            return new UnionDiscriminator(property, values.ToEquatableArray());
        }

        /// <summary>
        /// What distinguishes an object alternative: its required members, and the values its members
        /// may take (<c>enum</c>, <c>const</c>, <c>pattern</c>).
        /// </summary>
        private List<CaseCheck> ChecksOf(IOpenApiSchema alternative, string pointer)
        {
            var checks = new List<CaseCheck>();
            var target = Dereference(alternative);
            if (target is null || Classify(target) != SchemaShape.Record)
            {
                return checks;
            }

            var members = CollectMembers(target, pointer);
            foreach (var member in members.Where(m => m.IsRequired))
            {
                checks.Add(new CaseCheck(CaseCheckKind.Required, member.JsonName, EquatableArray<string>.Empty));
            }

            foreach (var member in members)
            {
                var memberSchema = Dereference(member.Schema);
                if (memberSchema is null)
                {
                    continue;
                }

                var values = new List<string>();
                foreach (var node in memberSchema.Enum ?? new List<JsonNode>())
                {
                    if (node is JsonValue value && !value.IsJsonNullSentinel() && value.TryGetValue<string>(out var text))
                    {
                        values.Add(text);
                    }
                }

                // Only string constants can be compared with the member's text; a number or boolean const does not help here.
                if (memberSchema.Const is { } constant
                    && ((memberSchema.Type.GetValueOrDefault() & ~JsonSchemaType.Null) == JsonSchemaType.String
                        || (memberSchema.Type is null && TypeOfConstant(constant, member.Pointer + "/const") == JsonSchemaType.String)))
                {
                    values.Add(constant);
                }

                if (values.Count > 0)
                {
                    checks.Add(new CaseCheck(CaseCheckKind.OneOf, member.JsonName, values.Distinct(StringComparer.Ordinal).ToEquatableArray()));
                }
                else if (!string.IsNullOrEmpty(memberSchema.Pattern))
                {
                    if (PatternError(memberSchema.Pattern!) is { } error)
                    {
                        Report(DiagnosticDescriptors.InvalidPattern, member.Pointer + "/pattern", memberSchema.Pattern, error);
                    }
                    else
                    {
                        checks.Add(new CaseCheck(CaseCheckKind.Pattern, member.JsonName, new[] { memberSchema.Pattern! }.ToEquatableArray()));
                    }
                }
            }

            return checks;
        }

        private static string? PatternError(string pattern)
        {
            try
            {
                _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant, PatternTimeout);
                return null;
            }
            catch (ArgumentException ex)
            {
                return ex.Message;
            }
        }

        /// <summary>
        /// A member that every alternative constrains, with value sets no two alternatives share
        /// (Clerk's <c>strategy</c>): reading it alone tells the alternatives apart.
        /// </summary>
        private static string? FindDistinguishingProperty(List<List<CaseCheck>> cases)
        {
            if (cases.Count < 2 || cases.Any(c => c.Count == 0))
            {
                return null;
            }

            var candidates = cases[0]
                .Where(c => c.Kind is CaseCheckKind.OneOf or CaseCheckKind.Pattern)
                .Select(c => c.PropertyJsonName);
            foreach (var property in candidates)
            {
                var constraints = cases
                    .Select(c => c.FirstOrDefault(k => k.PropertyJsonName == property && k.Kind is CaseCheckKind.OneOf or CaseCheckKind.Pattern))
                    .ToList();
                if (constraints.Any(c => c is null))
                {
                    continue;
                }

                var disjoint = true;
                for (var i = 0; i < constraints.Count && disjoint; i++)
                {
                    for (var j = i + 1; j < constraints.Count && disjoint; j++)
                    {
                        disjoint = AreDisjoint(constraints[i]!, constraints[j]!);
                    }
                }

                if (disjoint)
                {
                    return property;
                }
            }

            return null;
        }

        private static bool AreDisjoint(CaseCheck left, CaseCheck right)
        {
            if (left.Kind == CaseCheckKind.OneOf && right.Kind == CaseCheckKind.OneOf)
            {
                return !left.Values.Intersect(right.Values, StringComparer.Ordinal).Any();
            }

            if (left.Kind == CaseCheckKind.Pattern && right.Kind == CaseCheckKind.Pattern)
            {
                // Whether two regular expressions overlap cannot be decided in general.
                return false;
            }

            var pattern = left.Kind == CaseCheckKind.Pattern ? left.Values[0] : right.Values[0];
            var values = left.Kind == CaseCheckKind.OneOf ? left.Values : right.Values;
            // The spec's pattern may backtrack catastrophically; a generator must not stall the build on it.
            var regex = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant, PatternTimeout);
            try
            {
                return !values.Any(regex.IsMatch);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                return false;
            }
        }

        private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

        /// <summary>Maps a schema to a C# type, building the inline types it needs under <paramref name="contextName"/>.</summary>
        private (TypeRef Type, bool Nullable) ResolveType(IOpenApiSchema schema, string contextName, string pointer, string? origin = null)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (schema is OpenApiSchemaReference reference)
            {
                return ResolveReference(reference, pointer);
            }

            var nullable = IsNullable(schema, pointer);
            var shape = Classify(schema);
            if (shape != SchemaShape.Alias)
            {
                var kind = shape switch
                {
                    SchemaShape.Record => TypeKind.Record,
                    SchemaShape.Enum => TypeKind.Enum,
                    _ => TypeKind.Union,
                };
                // An inline schema met again while it is being built contains itself, through a member
                // that composes its own parent (allOf: [$ref Parent, {...}]): it is that type again.
                if (_inlineInProgress.TryGetValue(schema, out var building))
                {
                    return (building, nullable);
                }

                if (_inlineInProgress.Count >= MaxInlineDepth)
                {
                    Report(DiagnosticDescriptors.UnsupportedSchema, pointer, "Inline schemas nested more than " + MaxInlineDepth + " levels", pointer);
                    return (TypeRef.RawJson, true);
                }

                var typeName = ClaimTypeName(contextName, shape, pointer);
                _inlineInProgress.Add(schema, new TypeRef(kind, typeName));
                try
                {
                    BuildType(schema, shape, typeName, pointer, origin);
                }
                finally
                {
                    _inlineInProgress.Remove(schema);
                }

                return (new TypeRef(kind, typeName), nullable);
            }

            // One real alternative (often next to "nullable: true") is that alternative, not a wrapper.
            var alternatives = NonNullAlternatives(schema, out var keyword);
            if (alternatives.Count == 1)
            {
                var (inner, innerNullable) = ResolveType(alternatives[0], contextName, pointer + "/" + keyword + "/0", origin);
                return (inner, nullable || innerNullable || HasNullAlternative(schema));
            }

            if (schema.AllOf is { Count: 1 } allOf)
            {
                var (inner, innerNullable) = ResolveType(allOf[0], contextName, pointer + "/allOf/0", origin);
                return (inner, nullable || innerNullable);
            }

            if (schema.AllOf is { Count: > 1 } objectParts && objectParts.Count(IsObjectLike) == 1)
            {
                var index = objectParts.ToList().FindIndex(p => IsObjectLike(p));
                var (inner, innerNullable) = ResolveType(objectParts[index], contextName, pointer + "/allOf/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), origin);
                var partNullable = objectParts.Select((p, i) => i != index && IsNullable(p, pointer + "/allOf/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).Any(n => n);
                return (inner, nullable || innerNullable || partNullable);
            }

            if (schema.AllOf is { Count: > 1 } parts && schema.Type is null && parts.Select((p, i) => (Part: p, Index: i)).FirstOrDefault(p => p.Part.Type is not null) is { Part: not null } typed)
            {
                var (inner, innerNullable) = ResolveType(typed.Part, contextName, pointer + "/allOf/" + typed.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), origin);
                return (inner, nullable || innerNullable);
            }

            var type = schema.Type.GetValueOrDefault() & ~JsonSchemaType.Null;
            if (type == 0 && schema.Const is { } constant)
            {
                type = TypeOfConstant(constant, pointer + "/const");
            }

            switch (type)
            {
                case JsonSchemaType.String:
                    // uri stays a string: System.Uri rewrites what it holds ("https://a.b" becomes "https://a.b/").
                    return (schema.Format switch
                    {
                        "date-time" => TypeRef.DateTimeOffset,
                        "date" => TypeRef.Date,
                        "uuid" => TypeRef.Guid,
                        "byte" => TypeRef.Bytes,
                        _ => TypeRef.String,
                    }, nullable);
                case JsonSchemaType.Boolean:
                    return (TypeRef.Boolean, nullable);
                case JsonSchemaType.Integer:
                    return (schema.Format switch
                    {
                        "int32" => TypeRef.Int32,
                        "int64" => TypeRef.Int64,
                        _ => _options.IntegerType,
                    }, nullable);
                case JsonSchemaType.Number:
                    return (schema.Format switch
                    {
                        "float" => TypeRef.Single,
                        "decimal" => TypeRef.Decimal,
                        "int32" => TypeRef.Int32,
                        "int64" => TypeRef.Int64,
                        _ => TypeRef.Double,
                    }, nullable);
                case JsonSchemaType.Array:
                    if (schema.UnrecognizedKeywords?.ContainsKey("prefixItems") == true)
                    {
                        // A tuple: each position has its own type, which a list cannot say.
                        ReportUnsupportedKeywords(schema, pointer);
                        return (TypeRef.RawJson, nullable);
                    }

                    if (schema.Items is null)
                    {
                        return (TypeRef.ArrayOf(TypeRef.RawJson), nullable);
                    }

                    var (item, itemNullable) = ResolveType(schema.Items, contextName + "Item", pointer + "/items", origin is null ? null : "an item of " + origin);
                    return (TypeRef.ArrayOf(item, itemNullable), nullable);
                case JsonSchemaType.Object:
                case 0:
                    if (schema.AdditionalProperties is { } values && HasConstraints(values))
                    {
                        var (value, valueNullable) = ResolveType(values, contextName + "Value", pointer + "/additionalProperties", origin is null ? null : "a value of " + origin);
                        return (TypeRef.MapOf(value, valueNullable), nullable);
                    }

                    ReportUnsupportedKeywords(schema, pointer);

                    // Free-form: no members declared. Any JSON value is kept exactly as it was sent.
                    return (TypeRef.RawJson, nullable);
                default:
                    Report(DiagnosticDescriptors.UnsupportedSchema, pointer, "A schema allowing several types (" + type + ")", pointer);
                    return (TypeRef.RawJson, nullable);
            }
        }

        private (TypeRef Type, bool Nullable) ResolveReference(OpenApiSchemaReference reference, string pointer)
        {
            if (reference.Reference?.ExternalResource is { Length: > 0 } file)
            {
                return ResolveExternal(reference, file, pointer);
            }

            var id = ComponentIdOf(reference);
            if (id is null)
            {
                Report(DiagnosticDescriptors.UnresolvedReference, pointer, reference.Reference?.ReferenceV3 ?? id ?? "$ref", pointer);
                return (TypeRef.RawJson, true);
            }

            // The library reads '#/components/schemas/Person/properties/name' as the component 'name'.
            if (_locator.ScalarAt(pointer + "/$ref") is { } written && IsPointerIntoSchema(written))
            {
                Report(DiagnosticDescriptors.UnresolvedReference, pointer + "/$ref", written, pointer);
                return (TypeRef.RawJson, true);
            }

            if (_componentTypes.TryGetValue(id, out var known))
            {
                return (known, _componentNullable[id] || IsNullable(reference, pointer));
            }

            // An alias component (an array, a primitive, a $ref to another component): resolve it through.
            if (!_resolvingAliases.Add(id))
            {
                Report(DiagnosticDescriptors.UnsupportedSchema, ComponentPointer(id), "A reference cycle made only of aliases", ComponentPointer(id));
                return (TypeRef.RawJson, true);
            }

            try
            {
                return Components[id] is { } target
                    ? ResolveType(target, NameMangler.ToPascalCase(id, "Model"), ComponentPointer(id))
                    : (TypeRef.RawJson, true);
            }
            finally
            {
                _resolvingAliases.Remove(id);
            }
        }

        /// <summary>The type a <c>const</c> with no <c>type</c> implies: the reader keeps it as text, so the spec's own spelling decides.</summary>
        private JsonSchemaType TypeOfConstant(string constant, string pointer)
        {
            if (_locator.IsQuoted(pointer))
            {
                return JsonSchemaType.String;
            }

            if (constant.Equals("true", StringComparison.OrdinalIgnoreCase) || constant.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return JsonSchemaType.Boolean;
            }

            if (long.TryParse(constant, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                return JsonSchemaType.Integer;
            }

            return double.TryParse(constant, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
                ? JsonSchemaType.Number
                : JsonSchemaType.String;
        }

        /// <summary>False for the empty schema <c>{}</c>, which allows anything: such values stay raw JSON.</summary>
        private static bool HasConstraints(IOpenApiSchema schema)
            => schema is OpenApiSchemaReference
               || schema.Type is not null
               || schema.Properties is { Count: > 0 }
               || schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 } || schema.AllOf is { Count: > 0 }
               || schema.Enum is { Count: > 0 }
               || schema.Items is not null
               || schema.AdditionalProperties is not null;

        /// <summary>Keywords that would need a type we do not generate: the value is kept as raw JSON and the user told so.</summary>
        private void ReportUnsupportedKeywords(IOpenApiSchema schema, string pointer)
        {
            if (schema.Not is not null)
            {
                Report(DiagnosticDescriptors.UnsupportedSchema, pointer + "/not", "'not'", pointer);
            }

            if (schema.PatternProperties is { Count: > 0 })
            {
                Report(DiagnosticDescriptors.UnsupportedSchema, pointer + "/patternProperties", "'patternProperties'", pointer);
            }

            if (schema.UnrecognizedKeywords?.ContainsKey("prefixItems") == true)
            {
                Report(DiagnosticDescriptors.UnsupportedSchema, pointer + "/prefixItems", "'prefixItems'", pointer);
            }
        }

        /// <summary>
        /// A <c>$ref</c> into another spec of the same compilation is that spec's generated type. The
        /// referenced schema must be one that gets a type of its own: an object, an enum or a oneOf.
        /// </summary>
        private (TypeRef Type, bool Nullable) ResolveExternal(OpenApiSchemaReference reference, string file, string pointer)
        {
            var directory = Path.GetDirectoryName(_specPath) ?? string.Empty;
            var target = NormalizePath(Path.Combine(directory, file));
            var known = _knownSpecs.FirstOrDefault(k => string.Equals(NormalizePath(k.Path), target, StringComparison.OrdinalIgnoreCase));
            if (known is null || reference.Reference?.Id is not { Length: > 0 } id)
            {
                Report(DiagnosticDescriptors.UnresolvedExternalReference, pointer, reference.Reference?.ReferenceV3 ?? file, file);
                return (TypeRef.RawJson, true);
            }

            return (new TypeRef(TypeKind.Record, AvoidOwnMembers(NameMangler.ToPascalCase(id, "Model"), SchemaShape.Record), Namespace: known.Namespace), IsNullable(reference, pointer));
        }

        private static string NormalizePath(string path)
        {
            try
            {
                return Path.GetFullPath(path).Replace('\\', '/');
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                return path.Replace('\\', '/');
            }
        }

        /// <summary>
        /// The component a local <c>$ref</c> names, or null. The last pointer segment may still be
        /// percent-encoded (<c>Line%20Item</c>) or pointer-escaped (<c>a~1b</c>).
        /// </summary>
        private string? ComponentIdOf(OpenApiSchemaReference reference)
        {
            if (reference.Reference?.ExternalResource is { Length: > 0 } || reference.Reference?.Id is not { Length: > 0 } id)
            {
                return null;
            }

            if (Components.ContainsKey(id))
            {
                return id;
            }

            var decoded = Uri.UnescapeDataString(id).Replace("~1", "/").Replace("~0", "~");
            return Components.ContainsKey(decoded) ? decoded : null;
        }

        /// <summary>A local $ref that goes past a component's name, into its members: not a schema this generator types.</summary>
        private static bool IsPointerIntoSchema(string reference)
        {
            foreach (var prefix in new[] { "#/components/schemas/", "#/definitions/" })
            {
                if (reference.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return reference.IndexOf('/', prefix.Length) >= 0;
                }
            }

            return false;
        }

        /// <summary>A mapping value is a $ref, or just a schema name ("text: TextBlock"), which the reader takes for a file.</summary>
        private string? MappedComponent(OpenApiSchemaReference target)
            => ComponentIdOf(target)
               ?? (target.Reference?.ExternalResource is { } name && Components.ContainsKey(name) ? name : null);

        private IOpenApiSchema? Dereference(IOpenApiSchema schema)
        {
            for (var depth = 0; depth < 64 && schema is OpenApiSchemaReference reference; depth++)
            {
                if (ComponentIdOf(reference) is not { } id || !Components.TryGetValue(id, out var target) || target is null)
                {
                    return null;
                }

                schema = target;
            }

            return schema is OpenApiSchemaReference ? null : schema;
        }

        /// <summary>
        /// The members of an object schema, with <c>allOf</c> parts flattened in order (a later
        /// definition of a member replaces an earlier one) and <c>required</c> gathered from all parts.
        /// </summary>
        private List<Member> CollectMembers(IOpenApiSchema schema, string pointer)
        {
            var members = new List<Member>();
            var required = new HashSet<string>(StringComparer.Ordinal);
            Collect(schema, pointer, new HashSet<IOpenApiSchema>());
            // A readOnly or writeOnly member is required in one direction only, so neither side can count on it.
            return members.Select(m => m with { IsRequired = required.Contains(m.JsonName) && !IsOneWay(m.Schema) }).ToList();

            void Collect(IOpenApiSchema current, string currentPointer, HashSet<IOpenApiSchema> visiting)
            {
                if (current is OpenApiSchemaReference reference)
                {
                    var target = Dereference(reference);
                    if (target is null || ComponentIdOf(reference) is not { } id)
                    {
                        Report(DiagnosticDescriptors.UnresolvedReference, currentPointer, reference.Reference?.ReferenceV3 ?? "$ref", currentPointer);
                        return;
                    }

                    current = target;
                    currentPointer = ComponentPointer(id);
                }

                if (!visiting.Add(current))
                {
                    return;
                }

                var index = 0;
                foreach (var part in current.AllOf ?? new List<IOpenApiSchema>())
                {
                    Collect(part, currentPointer + "/allOf/" + index++, visiting);
                }

                foreach (var name in current.Required ?? new HashSet<string>())
                {
                    required.Add(name);
                }

                foreach (var property in current.Properties ?? new Dictionary<string, IOpenApiSchema>())
                {
                    var member = new Member(property.Key, property.Value, currentPointer + "/properties/" + SpecLocator.Escape(property.Key), false);
                    var existing = members.FindIndex(m => m.JsonName == property.Key);
                    if (existing >= 0)
                    {
                        members[existing] = member;
                    }
                    else
                    {
                        members.Add(member);
                    }
                }

                visiting.Remove(current);
            }
        }

        private bool IsOneWay(IOpenApiSchema schema)
        {
            schema = Annotations(schema);
            return schema.ReadOnly || schema.WriteOnly || (Dereference(schema) is { } target && (target.ReadOnly || target.WriteOnly));
        }

        /// <summary>
        /// The schema to read a member's keywords from. A $ref to no component of this document (another
        /// file, which is not loaded, or nothing) has no target, and asking the library for its keywords
        /// can throw while it tries to resolve one; only what is written beside the $ref counts.
        /// </summary>
        private IOpenApiSchema Annotations(IOpenApiSchema schema)
            => schema is OpenApiSchemaReference reference && ComponentIdOf(reference) is null
                ? new OpenApiSchema { Description = reference.Reference?.Description }
                : schema;

        private static List<IOpenApiSchema> NonNullAlternatives(IOpenApiSchema schema, out string keyword)
        {
            var list = schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf;
            keyword = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
            if (list is not { Count: > 0 })
            {
                // type: [string, integer] (and a oneOf of bare types, which the reader folds into one)
                // is a union of those types.
                keyword = "type";
                return SeveralTypes(schema);
            }

            return list.Where(s => s is OpenApiSchemaReference || s.Type != JsonSchemaType.Null).ToList();
        }

        private static List<IOpenApiSchema> SeveralTypes(IOpenApiSchema schema)
        {
            var types = new List<IOpenApiSchema>();
            if (schema is OpenApiSchemaReference || schema.Type is not { } type)
            {
                return types;
            }

            foreach (var single in new[] { JsonSchemaType.Boolean, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.String, JsonSchemaType.Array, JsonSchemaType.Object })
            {
                if ((type & single) != 0)
                {
                    types.Add(new OpenApiSchema
                    {
                        Type = single,
                        Format = schema.Format,
                        Items = single == JsonSchemaType.Array ? schema.Items : null,
                        Properties = single == JsonSchemaType.Object ? schema.Properties : null,
                        AdditionalProperties = single == JsonSchemaType.Object ? schema.AdditionalProperties : null,
                    });
                }
            }

            return types.Count >= 2 ? types : new List<IOpenApiSchema>();
        }

        private static bool HasNullAlternative(IOpenApiSchema schema)
            => (schema.OneOf ?? schema.AnyOf ?? new List<IOpenApiSchema>())
                .Any(s => s is not OpenApiSchemaReference && s.Type == JsonSchemaType.Null);

        private bool IsNullable(IOpenApiSchema schema, string pointer)
        {
            if (schema.Type is { } type && (type & JsonSchemaType.Null) != 0
                || (schema.Enum?.Any(e => e is null || e.IsJsonNullSentinel()) ?? false)
                || HasNullAlternative(schema))
            {
                return true;
            }

            // 3.1 documents that still write 3.0's "nullable: true" (a $ref's sibling among them).
            if (schema.UnrecognizedKeywords?.TryGetValue("nullable", out var node) == true && node is JsonValue value
                && value.TryGetValue<bool>(out var flag))
            {
                return flag;
            }

            // The reader drops "nullable: true" when no "type" stands beside it, as in
            // "nullable: true, allOf: [$ref]": read it from the text.
            return schema is not OpenApiSchemaReference
                && schema.Type is null
                && (schema.AllOf is { Count: > 0 } || schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 })
                && _locator.ScalarAt(pointer + "/nullable") == "true";
        }

        private static bool IsObjectLike(IOpenApiSchema part)
            => part is OpenApiSchemaReference
               || part.Properties is { Count: > 0 }
               || part.AllOf is { Count: > 0 }
               || (part.Type.GetValueOrDefault() & JsonSchemaType.Object) != 0;

        private static SchemaShape Classify(IOpenApiSchema schema)
        {
            if (schema is OpenApiSchemaReference)
            {
                return SchemaShape.Alias;
            }

            var hasProperties = schema.Properties is { Count: > 0 };
            if (NonNullAlternatives(schema, out _).Count >= 2 && !hasProperties)
            {
                return SchemaShape.Union;
            }

            // allOf composes objects into a record; an allOf of plain values (a string and its limits) is that value.
            // allOf: [$ref, {nullable: true}] (or a description beside it) is that reference, not a new record:
            // only two or more object parts compose one.
            if (schema.AllOf is { Count: > 0 } allOf && (hasProperties || allOf.Count(IsObjectLike) > 1))
            {
                return SchemaShape.Record;
            }

            var type = schema.Type.GetValueOrDefault() & ~JsonSchemaType.Null;
            if (type is JsonSchemaType.String or JsonSchemaType.Integer or JsonSchemaType.Number or 0
                && schema.Enum is { Count: > 0 } values
                && values.Any(v => v is JsonValue value && !value.IsJsonNullSentinel() && value.GetValueKind() is System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Number))
            {
                return SchemaShape.Enum;
            }

            if (hasProperties && (type == JsonSchemaType.Object || type == 0))
            {
                return SchemaShape.Record;
            }

            return SchemaShape.Alias;
        }

        private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string pointer, params object?[] arguments)
            => _diagnostics.Add(DiagnosticInfo.Create(descriptor, _locator.Locate(pointer), arguments));

        private sealed record Member(string JsonName, IOpenApiSchema Schema, string Pointer, bool IsRequired);

        private enum SchemaShape
        {
            /// <summary>No type of its own: a primitive, an array, free-form JSON or another schema.</summary>
            Alias,
            Record,
            Enum,
            Union,
        }
    }
}
