package featuregate

type Stability int

const (
	StabilityUndefined Stability = iota
	StabilityExperimental
	StabilityPublicPreview
	StabilityGenerallyAvailable
)
