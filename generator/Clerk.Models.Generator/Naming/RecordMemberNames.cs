using System.Linq;

namespace Clerk.Models.Generator.Naming;

/// <summary>
/// The names one record declares for its members: properties, their backing fields, the converter's
/// locals while it reads and its static fields. Each name is claimed in the scope where it is declared,
/// so that names that differ only in the case of their first letter (K and the Kelvin sign) stay apart.
/// </summary>
internal sealed class RecordMemberNames
{
    private readonly string _typeName;
    private readonly NameScope _members;
    private readonly NameScope _locals;
    private readonly NameScope _statics = new(new[] { EmittedNames.JsonNamesField });

    public RecordMemberNames(string typeName, int memberCount)
    {
        _typeName = typeName;
        var words = Enumerable.Range(0, EmittedNames.PresenceWords(memberCount)).ToList();
        _members = new NameScope(ReservedNames.RecordMembers
            .Concat(new[] { typeName, EmittedNames.AdditionalPropertiesField })
            .Concat(words.Select(EmittedNames.PresenceField)));
        _locals = new NameScope(ReservedNames.RecordConverterLocals.Concat(words.Select(EmittedNames.PresenceLocal)));
    }

    /// <summary>Claims a property name. A member named like its type (EmailAddress.email_address) cannot keep the name (CS0542).</summary>
    public string ClaimProperty(string desired) => _members.Claim(desired == _typeName ? desired + "Value" : desired);

    /// <summary>Claims the names derived from a property: its field, its converter local and its encoded-name static.</summary>
    public (string Field, string Local, string EncodedName) ClaimDerived(string propertyName)
    {
        var camel = NameMangler.ToCamelCase(propertyName);
        return (
            _members.Claim(EmittedNames.MemberField(camel)),
            _locals.Claim(EmittedNames.MemberLocal(camel)),
            _statics.Claim(EmittedNames.EncodedNameField(camel)));
    }
}
