using System.Collections.Generic;
using System.Linq;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Naming;
using Member = Clerk.Models.Generator.Emit.RecordEmitter.Member;

namespace Clerk.Models.Generator.Emit;

/// <summary>
/// Emits a record's nested <c>JsonConverter</c>: one forward pass over <c>Utf8JsonReader</c> straight
/// into the record's fields, members matched on their UTF-8 bytes by the runtime's
/// <c>JsonMemberNames</c>, and a writer with its pre-encoded names. One line per member each way.
/// </summary>
internal static class RecordConverterEmitter
{
    private const string Json = EmitContext.Json;
    private const string Serialization = EmitContext.Serialization;
    private const string Names = EmittedNames.MemberNamesField;

    public static void Write(SourceWriter writer, EmitContext context, RecordModel record, List<Member> members)
    {
        var type = context.Qualified(record.Name);
        writer.Line("/// <summary>Reads and writes <see cref=\"" + record.Name + "\"/> exactly as the JSON carries it.</summary>");
        writer.OpenBlock(EmitContext.ConverterDeclaration(type));
        WriteNames(writer, members);
        WriteRead(writer, context, record, members, type);
        writer.Line();
        WriteWrite(writer, context, members, type);
        writer.Line();
        EmitContext.WriteDirectConverter(writer, type);
        writer.CloseBlock();
    }

    /// <summary>The members' JSON names in declaration order, as few to a line as keeps lines short.</summary>
    private static void WriteNames(SourceWriter writer, List<Member> members)
    {
        if (members.Count == 0)
        {
            writer.Line("private static readonly " + Serialization + ".JsonMemberNames " + Names + " = new();");
            writer.Line();
            return;
        }

        var declaration = "private static readonly " + Serialization + ".JsonMemberNames " + Names + " = new(";
        var all = string.Join(", ", members.Select(m => CSharpText.Literal(m.Property.JsonName)));
        if (all.Length <= 100)
        {
            writer.Line(declaration + all + ");");
            writer.Line();
            return;
        }

        writer.Line(declaration);
        writer.Indent();
        var line = new List<string>();
        var length = 0;
        for (var i = 0; i < members.Count; i++)
        {
            var literal = CSharpText.Literal(members[i].Property.JsonName);
            if (line.Count > 0 && length + literal.Length > 100)
            {
                writer.Line(string.Join(", ", line) + ",");
                line.Clear();
                length = 0;
            }

            line.Add(literal);
            length += literal.Length + 2;
        }

        writer.Line(string.Join(", ", line) + ");");
        writer.Unindent();
        writer.Line();
    }

    private static void WriteRead(SourceWriter writer, EmitContext context, RecordModel record, List<Member> members, string type)
    {
        writer.Line("/// <summary>Reads one <see cref=\"" + record.Name + "\"/> starting at the reader's current token.</summary>");
        writer.OpenBlock("public static " + type + " ReadValue(ref " + Json + ".Utf8JsonReader reader, " + Json + ".JsonSerializerOptions options)");
        writer.Line("var value = new " + type + "(default(" + Serialization + ".Uninitialized));");
        writer.Line("var members = new " + Serialization + ".ObjectReader(ref reader, " + Names + ");");
        writer.OpenBlock("try");
        if (members.Count > 0)
        {
            writer.OpenBlock("while (members.Next(ref reader, out var member))");
            writer.OpenBlock("switch (member)");
            foreach (var member in members)
            {
                writer.Line("case " + RecordEmitter.Number(member.Index) + ": value." + member.Field + " = "
                    + ValueCode.Read(context, member.Property.Type, member.Property.AcceptsNull) + "; break;");
            }

            writer.CloseBlock();
            writer.Line();
            RecordEmitter.WritePresenceUpdate(writer, "value.", "member", members.Count, set: true);
            writer.CloseBlock();
        }
        else
        {
            // Every member is one the record does not declare: Next keeps them all.
            writer.Line("while (members.Next(ref reader, out _)) { }");
        }

        writer.Line();
        writer.Line("value." + EmittedNames.AdditionalPropertiesField + " = members.TakeUnknown();");
        writer.CloseBlock();
        writer.Line("catch (global::System.Exception ex) when (members.IsMemberFailure(ex)) { throw members.AtMember(ex); }");
        writer.Line("finally { members.Dispose(); }");
        writer.Line();

        for (var word = 0; word < EmittedNames.PresenceWords(members.Count); word++)
        {
            var required = members.Where(m => m.Index / 64 == word && m.Property.IsRequiredWhenRead).Aggregate(0UL, (mask, m) => mask | (1UL << (m.Index % 64)));
            if (required != 0)
            {
                writer.Line(Serialization + ".ObjectReader.ThrowIfMissing(value." + EmittedNames.PresenceField(word) + ", 0x"
                    + required.ToString("X", System.Globalization.CultureInfo.InvariantCulture) + "UL, " + RecordEmitter.Number(word) + ", " + Names + ");");
            }
        }

        writer.Line("return value;");
        writer.CloseBlock();
    }

    private static void WriteWrite(SourceWriter writer, EmitContext context, List<Member> members, string type)
    {
        writer.Line("/// <summary>Writes <paramref name=\"value\"/>: its present members, then the unknown members it was read with.</summary>");
        writer.OpenBlock("public static void WriteValue(" + Json + ".Utf8JsonWriter writer, " + type + " value, " + Json + ".JsonSerializerOptions options)");
        writer.Line("writer.WriteStartObject();");
        for (var word = 0; word < EmittedNames.PresenceWords(members.Count); word++)
        {
            writer.Line("var " + EmittedNames.PresenceLocal(word) + " = value." + EmittedNames.PresenceField(word) + ";");
        }

        foreach (var member in members)
        {
            var name = Names + "[" + RecordEmitter.Number(member.Index) + "]";
            writer.Line("if ((" + member.PresenceLocal + " & " + member.Bit + ") != 0) { "
                + ValueCode.WriteMember(context, member.Property.Type, member.Property.IsCSharpNullable, name, "value." + member.Field) + " }");
        }

        writer.Line(Serialization + ".JsonWrite.UnknownMembers(writer, value." + EmittedNames.AdditionalPropertiesField + ", " + Names + ");");
        writer.Line("writer.WriteEndObject();");
        writer.CloseBlock();
    }
}
