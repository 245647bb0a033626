package alloytypes

// Secret is a string that is hidden in the UI.
type Secret string

func (s Secret) AlloyCapsule() {}

// OptionalSecret is a string or a secret.
type OptionalSecret struct {
	IsSecret bool
	Value    string
}

func (s OptionalSecret) AlloyCapsule() {}
