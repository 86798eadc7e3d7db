using System.Linq;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Read;

namespace Clerk.Models.Generator.Emit;

/// <summary>
/// Emits the spec's <c>IJsonTypeInfoResolver</c>: type metadata built from the generated converters, so
/// that System.Text.Json can serialize the types with reflection disabled (trimming, Native AOT) and
/// alongside a user's own <c>JsonSerializerContext</c>.
/// </summary>
internal static class ResolverEmitter
{
    private const string Metadata = "global::System.Text.Json.Serialization.Metadata";

    private static readonly string[] ReservedNames = { "Default", "Options", "GetTypeInfo", "Create", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize" };

    public static string Emit(EmitContext context)
    {
        var spec = context.Spec;
        var name = spec.ResolverName;
        var writer = new SourceWriter();
        context.WriteHeader(writer);

        var types = spec.Records.Select(r => r.Name).Concat(spec.Unions.Select(u => u.Name)).Concat(spec.Enums.Select(e => e.Name)).ToList();
        var properties = new NameScope(ReservedNames.Concat(new[] { name }));

        writer.Line("/// <summary>");
        writer.Line("/// System.Text.Json type metadata for the types generated from " + RecordEmitter.EscapeXml(spec.SpecName) + ", built from their converters:");
        writer.Line("/// no reflection, so it works trimmed and with Native AOT. Combine it with your own context:");
        writer.Line("/// <c>JsonTypeInfoResolver.Combine(" + name + ".Default, AppJsonContext.Default)</c>.");
        writer.Line("/// </summary>");
        writer.Line(EmitContext.GeneratedCodeAttribute);
        writer.OpenBlock(context.Accessibility + " sealed partial class " + name + " : " + Metadata + ".IJsonTypeInfoResolver");
        writer.Line("private global::System.Text.Json.JsonSerializerOptions? _options;");
        writer.Line();
        writer.Line("/// <summary>The shared instance.</summary>");
        writer.Line("public static " + context.Qualified(name) + " Default { get; } = new();");
        writer.Line();
        writer.Line("/// <summary>Read-only options whose only resolver is this one.</summary>");
        writer.OpenBlock("public global::System.Text.Json.JsonSerializerOptions Options");
        writer.OpenBlock("get");
        writer.OpenBlock("if (_options is null)");
        writer.Line("var options = new global::System.Text.Json.JsonSerializerOptions { TypeInfoResolver = this };");
        writer.Line("options.MakeReadOnly();");
        writer.Line("_options = options;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("return _options;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();

        foreach (var type in types)
        {
            var property = properties.Claim(type);
            var qualified = context.Qualified(type);
            writer.Line("/// <summary>The metadata of <see cref=\"" + qualified + "\"/>, bound to <see cref=\"Options\"/>.</summary>");
            writer.Line("public " + Metadata + ".JsonTypeInfo<" + qualified + "> " + property
                + " => (" + Metadata + ".JsonTypeInfo<" + qualified + ">)Options.GetTypeInfo(typeof(" + qualified + "));");
            writer.Line();
        }

        writer.Line("/// <inheritdoc/>");
        writer.OpenBlock("public " + Metadata + ".JsonTypeInfo? GetTypeInfo(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options)");
        foreach (var record in spec.Records.Select(r => r.Name).Concat(spec.Unions.Select(u => u.Name)))
        {
            var qualified = context.Qualified(record);
            writer.OpenBlock("if (type == typeof(" + qualified + "))");
            writer.Line("return Create(options, new " + qualified + ".JsonConverter());");
            writer.CloseBlock();
            writer.Line();
            writer.OpenBlock("if (type == typeof(" + EmitContext.Runtime + ".ValueList<" + qualified + ">))");
            writer.Line("return Create(options, new " + EmitContext.Runtime + ".ValueListJsonConverter<" + qualified + ">(new " + qualified + ".JsonConverter()));");
            writer.CloseBlock();
            writer.Line();
            writer.OpenBlock("if (type == typeof(" + qualified + "[]))");
            writer.Line("return Create(options, new " + EmitContext.Runtime + ".ArrayJsonConverter<" + qualified + ">(new " + qualified + ".JsonConverter()));");
            writer.CloseBlock();
            writer.Line();
        }

        foreach (var model in spec.Enums)
        {
            var qualified = context.Qualified(model.Name);
            writer.OpenBlock("if (type == typeof(" + qualified + "))");
            writer.Line("return Create(options, new " + qualified + ".JsonConverter());");
            writer.CloseBlock();
            writer.Line();
        }

        writer.Line("return null;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("private static " + Metadata + ".JsonTypeInfo<T> Create<T>(global::System.Text.Json.JsonSerializerOptions options, global::System.Text.Json.Serialization.JsonConverter<T> converter)");
        writer.Line("    => " + Metadata + ".JsonMetadataServices.CreateValueInfo<T>(options, converter);");
        writer.CloseBlock();
        context.WriteFooter(writer);
        return writer.ToString();
    }
}
