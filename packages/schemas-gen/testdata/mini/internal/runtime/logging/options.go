package logging

import "example.com/mini/internal/component/common"

type Options struct {
	Level  common.Level `alloy:"level,attr,optional"`
	Format string       `alloy:"format,attr,optional"`
}

var DefaultOptions = Options{Level: common.LevelInfo, Format: "logfmt"}

func (o *Options) SetToDefault() {
	*o = DefaultOptions
}
