using System.Linq;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Naming;

namespace Clerk.Models.Generator.Emit;

/// <summary>
/// Emits the spec's <c>IJsonTypeInfoResolver</c>: type metadata built from the generated converters, so
/// that System.Text.Json can serialize the types with reflection disabled (trimming, Native AOT) and
/// alongside a user's own <c>JsonSerializerContext</c>.
/// </summary>
internal static class ResolverEmitter
{
    private const string Metadata = "global::System.Text.Json.Serialization.Metadata";

    public static string Emit(EmitContext context, ResolverModel resolver)
    {
        var spec = context.Spec;
        var name = resolver.Name;
        var writer = new SourceWriter();
        context.WriteHeader(writer);


        writer.Line("/// <summary>");
        writer.Line("/// System.Text.Json type metadata for the types generated from " + RecordEmitter.EscapeXml(spec.SpecName) + ", built from their converters:");
        writer.Line("/// no reflection, so it works trimmed and with Native AOT. Combine it with your own context:");
        writer.Line("/// <c>JsonTypeInfoResolver.Combine(" + name + ".Default, AppJsonContext.Default)</c>.");
        writer.Line("/// </summary>");
        writer.Line(EmitContext.GeneratedCodeAttribute);
        writer.OpenBlock(context.Accessibility + " sealed partial class " + name + " : " + Metadata + ".IJsonTypeInfoResolver");
        writer.Line("private global::System.Text.Json.JsonSerializerOptions? " + EmittedNames.ResolverOptionsField + ";");
        writer.Line();
        writer.Line("/// <summary>The shared instance.</summary>");
        writer.Line("public static " + context.Qualified(name) + " Default { get; } = new();");
        writer.Line();
        writer.Line("/// <summary>Read-only options whose only resolver is this one.</summary>");
        writer.OpenBlock("public global::System.Text.Json.JsonSerializerOptions Options");
        writer.OpenBlock("get");
        writer.OpenBlock("if (" + EmittedNames.ResolverOptionsField + " is null)");
        writer.Line("var options = new global::System.Text.Json.JsonSerializerOptions { TypeInfoResolver = this };");
        writer.Line("options.MakeReadOnly();");
        writer.Line(EmittedNames.ResolverOptionsField + " = options;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("return " + EmittedNames.ResolverOptionsField + ";");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();

        foreach (var entry in resolver.Entries)
        {
            var property = entry.PropertyName;
            var qualified = context.Qualified(entry.TypeName);
            writer.Line("/// <summary>The metadata of <see cref=\"" + qualified + "\"/>, bound to <see cref=\"Options\"/>.</summary>");
            writer.Line("public " + Metadata + ".JsonTypeInfo<" + qualified + "> " + property
                + " => (" + Metadata + ".JsonTypeInfo<" + qualified + ">)Options.GetTypeInfo(typeof(" + qualified + "));");
            writer.Line();
        }

        writer.Line("/// <inheritdoc/>");
        writer.OpenBlock("public " + Metadata + ".JsonTypeInfo? GetTypeInfo(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options)");
        foreach (var entry in resolver.Entries.Where(e => e.HasCollections))
        {
            var qualified = context.Qualified(entry.TypeName);
            var converter = "new " + qualified + "." + EmittedNames.ConverterClass + "()";
            writer.Line("if (type == typeof(" + qualified + ")) { return Create(options, " + converter + "); }");
            writer.Line("if (type == typeof(" + EmitContext.Runtime + ".ValueList<" + qualified + ">)) { return Create(options, new " + EmitContext.Serialization + ".ValueListJsonConverter<" + qualified + ">(" + converter + ")); }");
            writer.Line("if (type == typeof(" + qualified + "[])) { return Create(options, new " + EmitContext.Serialization + ".ArrayJsonConverter<" + qualified + ">(" + converter + ")); }");
        }

        foreach (var entry in resolver.Entries.Where(e => !e.HasCollections))
        {
            var qualified = context.Qualified(entry.TypeName);
            writer.Line("if (type == typeof(" + qualified + ")) { return Create(options, new " + qualified + "." + EmittedNames.ConverterClass + "()); }");
        }

        writer.Line();
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
