using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Naming;

namespace Clerk.Models.Generator.Emit;

/// <summary>
/// Emits an enum as an open enum: a class with one shared instance per known value, which also holds
/// values the spec does not list, so a new value from the server is kept, not refused. String enums
/// hold a <c>string</c>, integer enums a <c>long</c> or <c>int</c>, enums that mix kinds a <c>RawJson</c>.
/// Value, equality and text come from the runtime's <c>OpenEnum</c> base.
/// </summary>
internal static class EnumEmitter
{
    private const string Json = EmitContext.Json;
    private const string RawJson = EmitContext.Runtime + ".RawJson";

    /// <summary>Writes the type into the namespace block of its file.</summary>
    public static void Write(SourceWriter writer, EmitContext context, EnumModel model)
    {
        var name = model.Name;
        var type = context.Qualified(name);
        var valueType = model.ValueKind switch
        {
            EnumValueKind.String => "string",
            EnumValueKind.Int32 => "int",
            EnumValueKind.Int64 => "long",
            _ => RawJson,
        };

        CSharpText.WriteSummary(writer, model.Description ?? "One of the values the spec lists, or a value it does not know yet.");
        CSharpText.WriteSource(writer, context, model);
        writer.Line(EmitContext.GeneratedCodeAttribute);
        writer.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + type + "." + EmittedNames.ConverterClass + "))]");
        writer.OpenBlock(context.Accessibility + " sealed partial class " + name + " : " + EmitContext.Runtime + ".OpenEnum<" + type + ", " + valueType + ">");

        foreach (var member in model.Members)
        {
            writer.Line("/// <summary><c>" + RecordEmitter.EscapeXml(member.Value) + "</c></summary>");
            writer.Line("public static " + type + " " + member.Name + " { get; } = new(" + Literal(model, member) + ", isKnown: true);");
        }

        writer.Line();

        var strings = model.ValueKind == EnumValueKind.String;
        if (strings)
        {
            // Declared after the instances: static fields are initialized in the order they are written.
            writer.Line("private static readonly " + EmitContext.Serialization + ".StringEnumValues<" + type + "> " + EmittedNames.EnumValuesField
                + " = new(value => new(value, isKnown: false)" + string.Concat(System.Linq.Enumerable.Select(model.Members, m => ", " + m.Name)) + ");");
            writer.Line();
        }

        writer.Line("private " + name + "(" + valueType + " value, bool isKnown) : base(value, isKnown) { }");
        writer.Line();
        WriteFrom(writer, model, type, valueType);

        writer.Line("/// <summary>Reads and writes <see cref=\"" + name + "\"/> as its JSON value.</summary>");
        writer.OpenBlock(EmitContext.ConverterDeclaration(type));
        // Known string values are matched on their UTF-8 bytes (reading one allocates nothing) and written pre-encoded.
        writer.Line("/// <summary>Reads the value at the reader's current token; a known value is its shared instance.</summary>");
        writer.Line("public static " + type + " ReadValue(ref " + Json + ".Utf8JsonReader reader, " + Json + ".JsonSerializerOptions options) => " + model.ValueKind switch
        {
            EnumValueKind.String => EmittedNames.EnumValuesField + ".Read(ref reader);",
            EnumValueKind.Int32 => "From(" + EmitContext.Serialization + ".JsonRead.Int32(ref reader));",
            EnumValueKind.Int64 => "From(" + EmitContext.Serialization + ".JsonRead.Int64(ref reader));",
            _ => "From(" + RawJson + ".Read(ref reader));",
        });
        writer.Line();
        writer.Line("/// <summary>Writes the value as it appears in JSON.</summary>");
        writer.Line("public static void WriteValue(" + Json + ".Utf8JsonWriter writer, " + type + " value, " + Json + ".JsonSerializerOptions options) => " + model.ValueKind switch
        {
            EnumValueKind.String => EmittedNames.EnumValuesField + ".Write(writer, value);",
            EnumValueKind.Json => "value.Value.WriteTo(writer);",
            _ => "writer.WriteNumberValue(value.Value);",
        });
        writer.Line();
        EmitContext.WriteDirectConverter(writer, type);
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static string Literal(EnumModel model, EnumMemberModel member) => model.ValueKind switch
    {
        EnumValueKind.String => CSharpText.Literal(member.Value),
        EnumValueKind.Int32 => member.Value,
        EnumValueKind.Int64 => member.Value + "L",
        _ => RawJson + ".Parse(" + CSharpText.Literal(member.Value) + ")",
    };

    private static void WriteFrom(SourceWriter writer, EnumModel model, string type, string valueType)
    {
        writer.Line("/// <summary>The shared instance for a known value, or a new instance that holds an unknown one.</summary>");
        if (model.ValueKind == EnumValueKind.Json)
        {
            writer.OpenBlock("public static " + type + " From(" + valueType + " value)");
            writer.Line("if (value is null) { throw new global::System.ArgumentNullException(nameof(value)); }");
            foreach (var member in model.Members)
            {
                writer.Line("if (value == " + member.Name + ".Value) { return " + member.Name + "; }");
            }

            writer.Line("return new " + type + "(value, isKnown: false);");
            writer.CloseBlock();
            writer.Line();
            return;
        }

        if (model.ValueKind == EnumValueKind.String)
        {
            writer.Line("public static " + type + " From(" + valueType + " value) => " + EmittedNames.EnumValuesField + ".From(value);");
            writer.Line();
            return;
        }

        writer.OpenBlock("public static " + type + " From(" + valueType + " value) => value switch");
        foreach (var member in model.Members)
        {
            writer.Line(Literal(model, member) + " => " + member.Name + ",");
        }

        writer.Line("_ => new " + type + "(value, isKnown: false),");
        writer.CloseBlock(";");
        writer.Line();
    }
}
