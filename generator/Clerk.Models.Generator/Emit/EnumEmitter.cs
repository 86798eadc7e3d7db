using Clerk.Models.Generator.Model;

namespace Clerk.Models.Generator.Emit;

/// <summary>
/// Emits an enum as an open enum: a class with one shared instance per known value, which also holds
/// values the spec does not list, so a new value from the server is kept, not refused. String enums
/// hold a <c>string</c>, integer enums a <c>long</c> or <c>int</c>, enums that mix kinds a <c>RawJson</c>.
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
        writer.Line(EmitContext.GeneratedCodeAttribute);
        writer.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + type + ".JsonConverter))]");
        writer.OpenBlock(context.Accessibility + " sealed partial class " + name + " : global::System.IEquatable<" + type + ">");

        foreach (var member in model.Members)
        {
            writer.Line("/// <summary><c>" + RecordEmitter.EscapeXml(member.Value) + "</c></summary>");
            writer.Line("public static " + type + " " + member.Name + " { get; } = new(" + Literal(model, member) + ", isKnown: true);");
            writer.Line();
        }

        writer.OpenBlock("private " + name + "(" + valueType + " value, bool isKnown)");
        writer.Line("Value = value;");
        writer.Line("IsKnown = isKnown;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>The value exactly as it appears in JSON.</summary>");
        writer.Line("public " + valueType + " Value { get; }");
        writer.Line();
        writer.Line("/// <summary>Whether the spec lists this value. Unknown values are kept and written back unchanged.</summary>");
        writer.Line("public bool IsKnown { get; }");
        writer.Line();
        WriteFrom(writer, model, type, valueType);
        WriteEquality(writer, model, type);

        writer.Line("/// <summary>Reads and writes <see cref=\"" + name + "\"/> as its JSON value.</summary>");
        writer.OpenBlock("public sealed class JsonConverter : global::System.Text.Json.Serialization.JsonConverter<" + type + ">");
        EmitContext.WriteConverterOverrides(writer, type);
        writer.Line("/// <summary>Reads the value at the reader's current token; known values return their shared instance.</summary>");
        writer.OpenBlock("public static " + type + " ReadValue(ref " + Json + ".Utf8JsonReader reader, " + Json + ".JsonSerializerOptions options)");
        switch (model.ValueKind)
        {
            case EnumValueKind.String:
                // Known values are matched on their UTF-8 bytes: reading one allocates nothing. The
                // converter inherits members (Read, Type...) that a value's name would otherwise mean.
                writer.Line(EmitContext.Serialization + ".JsonRead.Expect(ref reader, " + Json + ".JsonTokenType.String);");
                foreach (var member in model.Members)
                {
                    writer.OpenBlock("if (reader.ValueTextEquals(" + CSharpText.Utf8Literal(member.Value) + "))");
                    writer.Line("return " + type + "." + member.Name + ";");
                    writer.CloseBlock();
                    writer.Line();
                }

                writer.Line("return new " + type + "(reader.GetString()!, isKnown: false);");
                break;
            case EnumValueKind.Int32:
                writer.Line("return From(" + EmitContext.Serialization + ".JsonRead.Int32(ref reader));");
                break;
            case EnumValueKind.Int64:
                writer.Line("return From(" + EmitContext.Serialization + ".JsonRead.Int64(ref reader));");
                break;
            default:
                writer.Line("return From(" + RawJson + ".Read(ref reader));");
                break;
        }

        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>Writes the value as it appears in JSON.</summary>");
        writer.Line("public static void WriteValue(" + Json + ".Utf8JsonWriter writer, " + type + " value, " + Json + ".JsonSerializerOptions options)");
        writer.Line(model.ValueKind switch
        {
            EnumValueKind.String => "    => writer.WriteStringValue(value.Value);",
            EnumValueKind.Json => "    => value.Value.WriteTo(writer);",
            _ => "    => writer.WriteNumberValue(value.Value);",
        });
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
            writer.OpenBlock("if (value is null)");
            writer.Line("throw new global::System.ArgumentNullException(nameof(value));");
            writer.CloseBlock();
            writer.Line();
            foreach (var member in model.Members)
            {
                writer.OpenBlock("if (value == " + member.Name + ".Value)");
                writer.Line("return " + member.Name + ";");
                writer.CloseBlock();
                writer.Line();
            }

            writer.Line("return new " + type + "(value, isKnown: false);");
            writer.CloseBlock();
            writer.Line();
            return;
        }

        writer.OpenBlock("public static " + type + " From(" + valueType + " value) => value switch");
        foreach (var member in model.Members)
        {
            writer.Line(Literal(model, member) + " => " + member.Name + ",");
        }

        if (model.ValueKind == EnumValueKind.String)
        {
            writer.Line("null => throw new global::System.ArgumentNullException(nameof(value)),");
        }

        writer.Line("_ => new " + type + "(value, isKnown: false),");
        writer.CloseBlock(";");
        writer.Line();
    }

    private static void WriteEquality(SourceWriter writer, EnumModel model, string type)
    {
        var (equals, hash, text) = model.ValueKind switch
        {
            EnumValueKind.String => (
                "string.Equals(Value, other.Value, global::System.StringComparison.Ordinal)",
                "global::System.StringComparer.Ordinal.GetHashCode(Value)",
                "Value"),
            EnumValueKind.Json => ("Value == other.Value", "Value.GetHashCode()", "Value.ToString()"),
            _ => ("Value == other.Value", "Value.GetHashCode()", "Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture)"),
        };
        writer.Line("/// <inheritdoc/>");
        writer.Line("public bool Equals(" + type + "? other) => other is not null && " + equals + ";");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override bool Equals(object? obj) => Equals(obj as " + type + ");");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override int GetHashCode() => " + hash + ";");
        writer.Line();
        writer.Line("/// <summary>The JSON value.</summary>");
        writer.Line("public override string ToString() => " + text + ";");
        writer.Line();
        writer.Line("/// <summary>Compares the JSON values.</summary>");
        writer.Line("public static bool operator ==(" + type + "? left, " + type + "? right) => left is null ? right is null : left.Equals(right);");
        writer.Line();
        writer.Line("/// <summary>Compares the JSON values.</summary>");
        writer.Line("public static bool operator !=(" + type + "? left, " + type + "? right) => !(left == right);");
        writer.Line();
    }
}
