using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Read;

namespace Clerk.Models.Generator.Emit;

/// <summary>
/// Emits a string enum as an open enum: a class with one shared instance per known value, which
/// also holds values the spec does not list, so a new value from the server is kept, not refused.
/// </summary>
internal static class EnumEmitter
{
    private const string Json = EmitContext.Json;

    public static string Emit(EmitContext context, EnumModel model)
    {
        var writer = new SourceWriter();
        context.WriteHeader(writer);
        var name = model.Name;
        var type = context.Qualified(name);

        CSharpText.WriteSummary(writer, model.Description ?? "One of the values the spec lists, or a value it does not know yet.");
        writer.Line(EmitContext.GeneratedCodeAttribute);
        writer.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + type + ".JsonConverter))]");
        writer.OpenBlock(context.Accessibility + " sealed partial class " + name + " : global::System.IEquatable<" + type + ">");

        foreach (var member in model.Members)
        {
            writer.Line("/// <summary><c>" + RecordEmitter.EscapeXml(member.Value) + "</c></summary>");
            writer.Line("public static " + type + " " + member.Name + " { get; } = new(" + CSharpText.Literal(member.Value) + ", isKnown: true);");
            writer.Line();
        }

        writer.OpenBlock("private " + name + "(string value, bool isKnown)");
        writer.Line("Value = value;");
        writer.Line("IsKnown = isKnown;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>The value exactly as it appears in JSON.</summary>");
        writer.Line("public string Value { get; }");
        writer.Line();
        writer.Line("/// <summary>Whether the spec lists this value. Unknown values are kept and written back unchanged.</summary>");
        writer.Line("public bool IsKnown { get; }");
        writer.Line();
        writer.Line("/// <summary>The shared instance for a known value, or a new instance that holds an unknown one.</summary>");
        writer.OpenBlock("public static " + type + " From(string value) => value switch");
        foreach (var member in model.Members)
        {
            writer.Line(CSharpText.Literal(member.Value) + " => " + member.Name + ",");
        }

        writer.Line("null => throw new global::System.ArgumentNullException(nameof(value)),");
        writer.Line("_ => new " + type + "(value, isKnown: false),");
        writer.CloseBlock(";");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public bool Equals(" + type + "? other) => other is not null && string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override bool Equals(object? obj) => Equals(obj as " + type + ");");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        writer.Line();
        writer.Line("/// <summary>The JSON value.</summary>");
        writer.Line("public override string ToString() => Value;");
        writer.Line();
        writer.Line("/// <summary>Compares the JSON values, ordinally.</summary>");
        writer.Line("public static bool operator ==(" + type + "? left, " + type + "? right) => left is null ? right is null : left.Equals(right);");
        writer.Line();
        writer.Line("/// <summary>Compares the JSON values, ordinally.</summary>");
        writer.Line("public static bool operator !=(" + type + "? left, " + type + "? right) => !(left == right);");
        writer.Line();

        writer.Line("/// <summary>Reads and writes <see cref=\"" + name + "\"/> as a JSON string.</summary>");
        writer.OpenBlock("public sealed class JsonConverter : global::System.Text.Json.Serialization.JsonConverter<" + type + ">");
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override " + type + " Read(ref " + Json + ".Utf8JsonReader reader, global::System.Type typeToConvert, " + Json + ".JsonSerializerOptions options)");
        writer.Line("    => ReadValue(ref reader, options);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override void Write(" + Json + ".Utf8JsonWriter writer, " + type + " value, " + Json + ".JsonSerializerOptions options)");
        writer.Line("    => WriteValue(writer, value, options);");
        writer.Line();
        writer.Line("/// <summary>Reads the string at the reader's current token; known values return their shared instance.</summary>");
        writer.OpenBlock("public static " + type + " ReadValue(ref " + Json + ".Utf8JsonReader reader, " + Json + ".JsonSerializerOptions options)");
        writer.Line(EmitContext.Runtime + ".JsonRead.Expect(ref reader, " + Json + ".JsonTokenType.String);");
        foreach (var member in model.Members)
        {
            writer.OpenBlock("if (reader.ValueTextEquals(" + CSharpText.Utf8Literal(member.Value) + "))");
            writer.Line("return " + member.Name + ";");
            writer.CloseBlock();
            writer.Line();
        }

        writer.Line("return new " + type + "(reader.GetString()!, isKnown: false);");
        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>Writes the value as a JSON string.</summary>");
        writer.Line("public static void WriteValue(" + Json + ".Utf8JsonWriter writer, " + type + " value, " + Json + ".JsonSerializerOptions options)");
        writer.Line("    => writer.WriteStringValue(value.Value);");
        writer.CloseBlock();
        writer.CloseBlock();
        context.WriteFooter(writer);
        return writer.ToString();
    }
}
